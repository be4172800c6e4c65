// The video generators of tests/support/video.ts make what they say: each file read back with
// ffprobe (containers, codecs, rotation, dates, the video inside a motion photo through ffmpeg's
// subfile protocol), exiftool (Debian's, and exiftool-vendored's with the scanner's arguments)
// and, for colours, a frame decoded by ffmpeg. A missing tool fails with the Debian package to
// install; nothing is skipped.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { exiftool as vendored } from "exiftool-vendored";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEBIAN_PACKAGE, exiftoolRead, MissingToolError, run } from "../support/media";
import {
  appleMakerNotes,
  ffprobeJson,
  truncateFile,
  writeLivePair,
  writeMotionPhoto,
  writeVideo,
  type AudioCodec,
  type FfprobeResult,
  type VideoCodec,
  type VideoOptions,
} from "../support/video";

let dir: string;
const at = (name: string) => path.join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "folio-video-fixtures-"));
});
afterAll(async () => {
  await vendored.end();
  rmSync(dir, { recursive: true, force: true });
});

/** What the scanner reads (src/server/scanner/exiftool.ts: readRaw with these arguments). */
const scannerTags = (file: string, fast = true) => vendored.readRaw(file, { readArgs: [...(fast ? ["-fast"] : []), "-n", "-a", "-G1"] }) as Promise<Record<string, unknown>>;

const video = (p: FfprobeResult) => p.streams.find((s) => s.codec_type === "video")!;
const audio = (p: FfprobeResult) => p.streams.find((s) => s.codec_type === "audio");

/** The first frame of a video (a file or an ffmpeg URL) decoded by ffmpeg: its colour at (x, y). */
async function firstFrameColor(input: string, x: number, y: number): Promise<number[]> {
  const { stdout } = await run("ffmpeg", ["-v", "error", "-i", input, "-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "-"]);
  const { data, info } = await sharp(stdout).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}
const near = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]!) <= 40);

/** The top-level box types of an ISO BMFF (MP4/MOV) buffer, in order. */
function topBoxes(buf: Buffer): string[] {
  const types: string[] = [];
  for (let at = 0; at + 8 <= buf.length; ) {
    let size = buf.readUInt32BE(at);
    if (size === 1) size = Number(buf.readBigUInt64BE(at + 8));
    if (size === 0) size = buf.length - at;
    types.push(buf.toString("latin1", at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return types;
}

describe("the tools", () => {
  test("ffmpeg and ffprobe are installed with the encoders the generators use", async () => {
    expect(DEBIAN_PACKAGE.ffmpeg).toBe("ffmpeg");
    expect(DEBIAN_PACKAGE.ffprobe).toBe("ffmpeg");
    expect(new MissingToolError("ffprobe").message).toContain("apt-get install ffmpeg");
    const { stdout } = await run("ffmpeg", ["-hide_banner", "-encoders"]);
    const encoders = stdout.toString();
    for (const e of ["libx264", "libx265", "libvpx-vp9", "libaom-av1", "mpeg4", "mpeg2video", "wmv2", "aac", "libopus", "libmp3lame", "ac3", "mp2", "wmav2"])
      expect(encoders, `ffmpeg has no ${e} encoder`).toMatch(new RegExp(` ${e} `));
    await run("ffprobe", ["-version"]);
  });
});

describe("writeVideo: containers and codecs", { timeout: 30_000 }, () => {
  // file, options, ffprobe's format_name, video codec (and sample entry), audio codec
  const cases: [string, VideoOptions, string, string, string | undefined, AudioCodec | undefined][] = [
    ["a.mp4", {}, "mov,mp4,m4a,3gp,3g2,mj2", "h264", "avc1", "aac"],
    ["hevc.mp4", { codec: "hevc" }, "mov,mp4,m4a,3gp,3g2,mj2", "hevc", "hvc1", "aac"],
    ["av1.mp4", { codec: "av1", audio: "opus" }, "mov,mp4,m4a,3gp,3g2,mj2", "av1", "av01", "opus"],
    ["vp9.mp4", { codec: "vp9" }, "mov,mp4,m4a,3gp,3g2,mj2", "vp9", "vp09", "aac"],
    ["a.mov", {}, "mov,mp4,m4a,3gp,3g2,mj2", "h264", "avc1", "aac"],
    ["hevc.mov", { codec: "hevc" }, "mov,mp4,m4a,3gp,3g2,mj2", "hevc", "hvc1", "aac"],
    ["hev1.mov", { codec: "hevc", hevcTag: "hev1" }, "mov,mp4,m4a,3gp,3g2,mj2", "hevc", "hev1", "aac"],
    ["a.m4v", {}, "mov,mp4,m4a,3gp,3g2,mj2", "h264", "avc1", "aac"],
    ["a.3gp", {}, "mov,mp4,m4a,3gp,3g2,mj2", "h264", "avc1", "aac"],
    ["a.mkv", {}, "matroska,webm", "h264", undefined, "aac"],
    ["hevc.mkv", { codec: "hevc", audio: "vorbis" }, "matroska,webm", "hevc", undefined, "vorbis"],
    ["a.webm", {}, "matroska,webm", "vp9", undefined, "opus"],
    ["av1.webm", { codec: "av1" }, "matroska,webm", "av1", undefined, "opus"],
    ["a.avi", {}, "avi", "mpeg4", "FMP4", "mp3"],
    ["a.mts", {}, "mpegts", "h264", undefined, "ac3"],
    ["a.m2ts", {}, "mpegts", "h264", undefined, "ac3"],
    ["a.mpg", {}, "mpeg", "mpeg2video", undefined, "mp2"],
    ["a.wmv", {}, "asf", "wmv2", "WMV2", "wmav2"],
  ];

  test.each(cases)("%s %o: %s, %s", async (name, opts, format, codec, tag, audioCodec) => {
    const file = await writeVideo(at(name), opts);
    const p = await ffprobeJson(file);
    expect(p.format.format_name).toBe(format);
    expect(Number(p.format.duration)).toBeGreaterThan(1.8);
    expect(Number(p.format.duration)).toBeLessThan(2.3);
    expect(video(p)).toMatchObject({ codec_name: codec, width: 320, height: 240, pix_fmt: "yuv420p", r_frame_rate: "10/1" });
    if (tag) expect(video(p).codec_tag_string).toBe(tag);
    expect(audio(p)?.codec_name).toBe(audioCodec);
    expect(statSync(file).size).toBeLessThan(400_000);
  });

  test("the size, frame rate and length asked for; no audio stream with audio none", async () => {
    const p = await ffprobeJson(await writeVideo(at("small.mp4"), { width: 160, height: 90, fps: 5, seconds: 1, audio: "none" }));
    expect(p.streams).toHaveLength(1);
    expect(video(p)).toMatchObject({ width: 160, height: 90, r_frame_rate: "5/1", nb_frames: "5", duration: "1.000000" });
  });

  test("color: every frame one flat colour (a poster a test can check); testsrc2 otherwise", async () => {
    expect(near(await firstFrameColor(await writeVideo(at("red.mp4"), { color: "red", audio: "none" }), 160, 120), [255, 0, 0])).toBe(true);
    expect(near(await firstFrameColor(await writeVideo(at("hex.webm"), { color: "#3366cc" }), 10, 10), [0x33, 0x66, 0xcc])).toBe(true);
    const card = await firstFrameColor(at("a.mp4"), 160, 120);
    expect(near(card, [255, 0, 0]) && near(card, [0x33, 0x66, 0xcc])).toBe(false);
  });

  test("faststart puts moov before mdat; by default it comes after, as phones write", async () => {
    const fast = topBoxes(readFileSync(await writeVideo(at("fast.mp4"), { faststart: true })));
    expect(fast.indexOf("moov")).toBeLessThan(fast.indexOf("mdat"));
    const slow = topBoxes(readFileSync(at("a.mp4")));
    expect(slow.indexOf("moov")).toBeGreaterThan(slow.indexOf("mdat"));
  });

  test("options written only in the QuickTime family, and unknown extensions, are refused", async () => {
    await expect(writeVideo(at("r.mkv"), { rotation: 90 })).rejects.toThrow(/rotation is written in MP4\/MOV\/M4V\/3GP only/);
    await expect(writeVideo(at("r.webm"), { contentIdentifier: "X" })).rejects.toThrow(/contentIdentifier/);
    await expect(writeVideo(at("r.flv"))).rejects.toThrow(/no container for ".flv"/);
    await expect(writeVideo(at("r.mp4"), { codec: "wmv2" as VideoCodec })).rejects.toThrow(/ffmpeg .* failed/);
  });
});

describe("writeVideo: phone metadata", { timeout: 30_000 }, () => {
  test("rotation: the track matrix an iPhone writes; ffprobe's display matrix, exiftool's Rotation", async () => {
    // [clockwise turn, ffprobe's rotation (anticlockwise), exiftool's Track1:MatrixStructure]
    const expected: [0 | 90 | 180 | 270, number | undefined, string][] = [
      [0, undefined, "1 0 0 0 1 0 0 0 1"],
      [90, -90, "0 1 0 -1 0 0 240 0 1"],
      [180, -180, "-1 0 0 0 -1 0 320 240 1"],
      [270, 90, "0 -1 0 1 0 0 0 320 1"],
    ];
    for (const [rotation, ffprobeRotation, matrix] of expected) {
      const file = await writeVideo(at(`rot${rotation}.mov`), { rotation, audio: "none" });
      const p = await ffprobeJson(file);
      const side = video(p).side_data_list?.find((s) => s.side_data_type === "Display Matrix");
      expect(side?.rotation, `rotation ${rotation}`).toBe(ffprobeRotation);
      expect(await scannerTags(file)).toMatchObject({ "Composite:Rotation": rotation, "Track1:MatrixStructure": matrix });
      // the stored picture keeps its shape; players turn it
      expect(video(p)).toMatchObject({ width: 320, height: 240 });
    }
  });

  test("creationTime, appleCreationDate, contentIdentifier and tags: read back by ffprobe, exiftool and the scanner's exiftool", async () => {
    const file = await writeVideo(at("IMG_0001.MOV"), {
      codec: "hevc",
      creationTime: "2024-08-01T10:00:00-07:00",
      appleCreationDate: "2024:08:01 10:00:00-07:00",
      contentIdentifier: "1F2E3D4C-0000-4000-8000-123456789ABC",
      tags: { "Keys:Make": "Apple", "Keys:Model": "iPhone 15 Pro" },
    });
    const p = await ffprobeJson(file);
    expect(p.format.tags).toMatchObject({
      creation_time: "2024-08-01T17:00:00.000000Z",
      "com.apple.quicktime.creationdate": "2024-08-01T10:00:00-0700",
      "com.apple.quicktime.content.identifier": "1F2E3D4C-0000-4000-8000-123456789ABC",
      "com.apple.quicktime.make": "Apple",
      "com.apple.quicktime.model": "iPhone 15 Pro",
    });
    expect(video(p).codec_tag_string).toBe("hvc1");
    const expected = {
      "QuickTime:CreateDate": "2024:08:01 17:00:00",
      "Track1:TrackCreateDate": "2024:08:01 17:00:00",
      "Track1:MediaCreateDate": "2024:08:01 17:00:00",
      "Keys:CreationDate": "2024:08:01 10:00:00-07:00",
      "Keys:ContentIdentifier": "1F2E3D4C-0000-4000-8000-123456789ABC",
      "Keys:Make": "Apple",
      "Keys:Model": "iPhone 15 Pro",
      "QuickTime:MajorBrand": "qt  ",
    };
    expect(await exiftoolRead(file, { numeric: true })).toMatchObject(expected);
    expect(await scannerTags(file)).toMatchObject({ ...expected, "QuickTime:Duration": 2, "Track1:ImageWidth": 320, "Track1:CompressorID": "hvc1" });
  });

  test("without creationTime the QuickTime dates are zero", async () => {
    const t = await exiftoolRead(at("a.mp4"));
    expect(t["QuickTime:CreateDate"]).toBe("0000:00:00 00:00:00");
    expect(t).not.toHaveProperty("Keys:CreationDate");
  });

  test("creationTime in Matroska: its DateUTC", async () => {
    const file = await writeVideo(at("dated.mkv"), { creationTime: new Date("2023-01-02T03:04:05Z") });
    expect((await ffprobeJson(file)).format.tags?.creation_time).toBe("2023-01-02T03:04:05.000000Z");
    // exiftool 12.57's group Matroska; 13.x's Info
    const t = await exiftoolRead(file);
    expect(t["Matroska:DateTimeOriginal"] ?? t["Info:DateTimeOriginal"]).toBe("2023:01:02 03:04:05Z");
    expect((await scannerTags(file))["Info:DateTimeOriginal"]).toBe("2023:01:02 03:04:05Z");
  });
});

describe("truncateFile", () => {
  test("an MP4 cut at half (moov at the end) cannot be read", async () => {
    const file = await writeVideo(at("cut.mp4"));
    const size = statSync(file).size;
    truncateFile(file, size / 2);
    expect(statSync(file).size).toBe(Math.floor(size / 2));
    await expect(ffprobeJson(file)).rejects.toThrow(/moov atom not found/);
    expect(() => truncateFile(file, size)).toThrow(/truncateFile/);
  });
});

describe("writeLivePair", { timeout: 30_000 }, () => {
  test("a HEIC and a MOV sharing the content identifier, in the still's MakerNotes and the video's Keys", async () => {
    const pair = await writeLivePair(at("live"), "IMG_0002", { captureDate: "2024:08:01 10:00:00-07:00", videoColor: "lime" });
    expect(pair.still).toBe(at("live/IMG_0002.HEIC"));
    expect(pair.video).toBe(at("live/IMG_0002.MOV"));
    expect(pair.contentIdentifier).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);

    // Debian's exiftool 12.57 calls Apple's tag 0x11 MediaGroupUUID, 13.x ContentIdentifier
    const still = await exiftoolRead(pair.still, { numeric: true });
    expect(still).toMatchObject({
      "File:FileType": "HEIC",
      "IFD0:Make": "Apple",
      "IFD0:Model": "iPhone 15 Pro",
      "ExifIFD:DateTimeOriginal": "2024:08:01 10:00:00",
      "ExifIFD:OffsetTimeOriginal": "-07:00",
      "Apple:MakerNoteVersion": 14,
    });
    expect(still["Apple:MediaGroupUUID"] ?? still["Apple:ContentIdentifier"]).toBe(pair.contentIdentifier);
    expect(await scannerTags(pair.still)).toMatchObject({ "Apple:ContentIdentifier": pair.contentIdentifier, "ExifIFD:DateTimeOriginal": "2024:08:01 10:00:00" });

    const v = await scannerTags(pair.video);
    expect(v).toMatchObject({
      "File:FileType": "MOV",
      "Keys:ContentIdentifier": pair.contentIdentifier,
      "Keys:CreationDate": "2024:08:01 10:00:00-07:00",
      "QuickTime:CreateDate": "2024:08:01 17:00:00",
      "Keys:Make": "Apple",
    });
    const p = await ffprobeJson(pair.video);
    expect(video(p).codec_name).toBe("h264");
    expect(audio(p)?.codec_name).toBe("aac");
    expect(near(await firstFrameColor(pair.video, 5, 5), [0, 255, 0])).toBe(true);
  });

  test("a JPEG still and an HEVC video; or the identifier in the video only", async () => {
    const pair = await writeLivePair(at("live"), "IMG_0003", { still: "jpeg", videoCodec: "hevc", contentIdentifier: "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE" });
    expect(pair.still).toBe(at("live/IMG_0003.JPG"));
    expect(await scannerTags(pair.still)).toMatchObject({ "File:FileType": "JPEG", "Apple:ContentIdentifier": "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE" });
    expect(video(await ffprobeJson(pair.video))).toMatchObject({ codec_name: "hevc", codec_tag_string: "hvc1" });

    const bare = await writeLivePair(at("live"), "IMG_0004", { stillIdentifier: false });
    const t = await scannerTags(bare.still);
    expect(t).not.toHaveProperty("Apple:ContentIdentifier");
    expect((await scannerTags(bare.video))["Keys:ContentIdentifier"]).toBe(bare.contentIdentifier);
  });

  test("appleMakerNotes: Apple's header and a big-endian IFD", () => {
    const block = appleMakerNotes("X");
    expect(block.subarray(0, 14).toString("latin1")).toBe("Apple iOS\0\0\u0001MM");
    expect(block.readUInt16BE(14)).toBe(2);
    expect(block.subarray(-2).toString("latin1")).toBe("X\0");
  });
});

describe("writeMotionPhoto", { timeout: 30_000 }, () => {
  /** Checks the MP4 inside: "ftyp" at +4, its bytes the whole length, and ffprobe (subfile). */
  async function checkEmbedded(file: string, videoOffset: number, videoLength: number, codec = "h264") {
    const buf = readFileSync(file);
    expect(buf.toString("latin1", videoOffset + 4, videoOffset + 8)).toBe("ftyp");
    expect(topBoxes(buf.subarray(videoOffset, videoOffset + videoLength))).toEqual(["ftyp", "free", "mdat", "moov"]);
    // the JPEG before it ends at its EOI
    const url = `subfile,,start,${videoOffset},end,${videoOffset + videoLength},,:${file}`;
    const p = await ffprobeJson(url);
    expect(p.format.format_name).toBe("mov,mp4,m4a,3gp,3g2,mj2");
    expect(video(p)).toMatchObject({ codec_name: codec, width: 320, height: 240 });
    expect(Number(p.format.duration)).toBeCloseTo(2, 1);
    return url;
  }

  test("Google Motion Photo 1.0: XMP GCamera and Container directory, the MP4 appended", async () => {
    const { file, videoOffset, videoLength } = await writeMotionPhoto(at("PXL_20240801_170000000.MP.jpg"), {
      still: { color: "red" },
      videoColor: "blue",
      presentationTimestampUs: 1_500_000,
      tags: { DateTimeOriginal: "2024:08:01 10:00:00", OffsetTimeOriginal: "-07:00", Make: "Google" },
    });
    const buf = readFileSync(file);
    expect(videoOffset + videoLength).toBe(buf.length);
    expect(buf.readUInt16BE(videoOffset - 2)).toBe(0xffd9);
    const url = await checkEmbedded(file, videoOffset, videoLength);
    expect(near(await firstFrameColor(url, 5, 5), [0, 0, 255])).toBe(true);

    // Debian's exiftool 12.57: group XMP-Container, the directory as a structure (-struct; a
    // flat -j read keeps only the first item's fields)
    const t = await exiftoolRead(file, { numeric: true, args: ["-struct"] });
    expect(t).toMatchObject({
      "File:FileType": "JPEG",
      "ExifIFD:DateTimeOriginal": "2024:08:01 10:00:00",
      "XMP-GCamera:MotionPhoto": 1,
      "XMP-GCamera:MotionPhotoVersion": 1,
      "XMP-GCamera:MotionPhotoPresentationTimestampUs": 1_500_000,
    });
    const directory = t["XMP-Container:Directory"] ?? t["XMP-GContainer:ContainerDirectory"];
    expect(directory).toEqual([
      { Item: { Mime: "image/jpeg", Semantic: "Primary", Length: 0, Padding: 0 } },
      { Item: { Mime: "video/mp4", Semantic: "MotionPhoto", Length: videoLength, Padding: 0 } },
    ]);
    // the scanner's exiftool (13.x, -fast -n -a -G1, no structures): group XMP-GContainer, lists
    expect(await scannerTags(file)).toMatchObject({
      "XMP-GCamera:MotionPhoto": 1,
      "XMP-GCamera:MotionPhotoVersion": 1,
      "XMP-GCamera:MotionPhotoPresentationTimestampUs": 1_500_000,
      "XMP-GContainer:DirectoryItemMime": ["image/jpeg", "video/mp4"],
      "XMP-GContainer:DirectoryItemSemantic": ["Primary", "MotionPhoto"],
      "XMP-GContainer:DirectoryItemLength": [0, videoLength],
      "XMP-GContainer:DirectoryItemPadding": [0, 0],
    });
    // without -fast exiftool 13.x follows the directory to the video itself: the same bytes
    expect((await scannerTags(file, false))["Google:MotionPhotoVideo"]).toMatch(new RegExp(`${videoLength} bytes`));
    const extracted = await vendored.extractBinaryTagToBuffer("MotionPhotoVideo", file);
    expect(extracted.equals(buf.subarray(videoOffset))).toBe(true);
    // the JPEG decodes as the still
    const { data } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
    expect(near([data[0]!, data[1]!, data[2]!], [255, 0, 0])).toBe(true);
  });

  test("Google micro video (older Pixels): MicroVideoOffset counts from the file's end", async () => {
    const { file, videoOffset, videoLength } = await writeMotionPhoto(at("MVIMG_0001.jpg"), { style: "microvideo", videoCodec: "hevc" });
    const size = statSync(file).size;
    expect(videoOffset + videoLength).toBe(size);
    await checkEmbedded(file, videoOffset, videoLength, "hevc");
    const t = await scannerTags(file);
    expect(t).toMatchObject({
      "XMP-GCamera:MicroVideo": 1,
      "XMP-GCamera:MicroVideoVersion": 1,
      "XMP-GCamera:MicroVideoOffset": videoLength,
      "XMP-GCamera:MicroVideoPresentationTimestampUs": 1_000_000,
    });
    expect(Object.keys(t).filter((k) => /Container|MotionPhoto/.test(k))).toEqual([]);
    expect(size - (t["XMP-GCamera:MicroVideoOffset"] as number)).toBe(videoOffset);
  });

  test("Samsung: MotionPhoto_Data before the MP4, the SEF directory after it", async () => {
    const { file, videoOffset, videoLength } = await writeMotionPhoto(at("20240801_100000.jpg"), { style: "samsung" });
    const buf = readFileSync(file);
    expect(buf.toString("latin1", videoOffset - 16, videoOffset)).toBe("MotionPhoto_Data");
    expect([...buf.subarray(videoOffset - 24, videoOffset - 16)]).toEqual([0, 0, 0x30, 0x0a, 16, 0, 0, 0]);
    expect(buf.readUInt16BE(videoOffset - 26)).toBe(0xffd9);
    expect(buf.toString("latin1", buf.length - 4)).toBe("SEFT");
    expect(buf.length - (videoOffset + videoLength)).toBe(32);
    await checkEmbedded(file, videoOffset, videoLength);
    const t = await scannerTags(file);
    expect(Object.keys(t).filter((k) => k.startsWith("XMP"))).toEqual([]);
    expect(t).not.toHaveProperty("Samsung:EmbeddedVideoType"); // -fast stops before trailers
    const full = await scannerTags(file, false);
    expect(full).toMatchObject({ "Samsung:EmbeddedVideoType": "MotionPhoto_Data" });
    expect(full["Samsung:EmbeddedVideoFile"]).toMatch(new RegExp(`${videoLength} bytes`));
    expect((await exiftoolRead(file))["Samsung:EmbeddedVideoType"]).toBe("MotionPhoto_Data");

    const bare = await writeMotionPhoto(at("20240801_100001.jpg"), { style: "samsung", samsungTrailer: false });
    expect(bare.videoOffset + bare.videoLength).toBe(statSync(bare.file).size);
    await checkEmbedded(bare.file, bare.videoOffset, bare.videoLength);
  });
});
