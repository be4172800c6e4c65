// What "could not be read" means (scanner/readability.ts): the bytes decoded at all, or not.
import { describe, expect, it } from "vitest";
import { readFailure, type ReadAttempt } from "~/server/scanner/readability";

const attempt = (a: Partial<ReadAttempt>): ReadAttempt => ({ size: 1000, decoder: "sharp", tags: {}, previewError: null, toolMissing: false, probed: false, ...a });
const damaged = "the file is damaged or incomplete (VipsJpeg: Premature end of input file)";

describe("readFailure", () => {
  it("calls an empty file unreadable, whatever its kind", () => {
    for (const decoder of ["sharp", "heif", "raw", "video"] as const) expect(readFailure(attempt({ size: 0, decoder, previewError: "x" }))).toBe("the file is empty");
  });

  it("calls an image no decoder could open unreadable, with the decoder's reason", () => {
    expect(readFailure(attempt({ previewError: damaged }))).toBe(damaged);
    // its header read by ExifTool does not make a truncated JPEG a photo
    expect(readFailure(attempt({ previewError: damaged, tags: { "IFD0:Make": "Canon" } }))).toBe(damaged);
    expect(readFailure(attempt({ decoder: "heif", previewError: "the file is not in an image format Folio can decode" }))).toMatch(/not in an image format/);
  });

  it("keeps a file with a preview, one past Folio's limits and one whose tool is missing as a photo", () => {
    expect(readFailure(attempt({}))).toBeNull();
    expect(readFailure(attempt({ previewError: "the image is larger than the 4 gigapixels Folio previews (Input image exceeds pixel limit)" }))).toBeNull();
    expect(readFailure(attempt({ decoder: "heif", previewError: "this HEIF is larger than the 1 GiB Folio decodes" }))).toBeNull();
    expect(readFailure(attempt({ decoder: "video", previewError: "ffprobe could not read it: spawn ENOENT", toolMissing: true }))).toBeNull();
  });

  it("calls a video ffprobe cannot read unreadable, and one it reads a video even without a frame", () => {
    expect(readFailure(attempt({ decoder: "video", previewError: "ffprobe could not read it: moov atom not found" }))).toBe("ffprobe could not read it: moov atom not found");
    expect(readFailure(attempt({ decoder: "video", probed: true, previewError: "ffmpeg took no frame" }))).toBeNull();
  });

  it("keeps a RAW without a usable preview as a photo when ExifTool reads its camera, not otherwise", () => {
    const noPreview = "the RAW file has no embedded preview";
    expect(readFailure(attempt({ decoder: "raw", previewError: noPreview, tags: { "IFD0:Make": "Canon", "IFD0:Model": "Canon EOS 400D" } }))).toBeNull();
    expect(readFailure(attempt({ decoder: "raw", previewError: noPreview, tags: {} }))).toBe(noPreview);
    expect(readFailure(attempt({ decoder: "raw", previewError: noPreview, tags: { "ExifTool:Error": "File format error", "IFD0:Make": "x" } }))).toBe(noPreview);
  });
});
