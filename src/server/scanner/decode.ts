// Turns a file's bytes into something sharp can preview, by the decoder its format names
// (formats.ts), and says how to turn it upright.
import { decode as decodeBmp } from "bmp-ts";
import type { RawTags } from "./exiftool";
import type { Decoder } from "./formats";
import { decodeHeif } from "./heif";
import { decodeJxl } from "./jxl";
import { embeddedPreview } from "./raw-preview";
import type { OpenedFile } from "./open-file";
import { exifOrientation } from "./tag-values";

/** Decoders that hold the whole file and image in memory refuse files past this size. */
const IN_MEMORY_LIMIT = 1024 ** 3;

/** `input` for sharp: a file name (sharp streams it), encoded bytes, or raw pixels with their layout. `orientation`: "exif" to
 *  follow the image's own EXIF tag, a number 1-8 to apply (a RAW's), null when upright. */
export type Decodable = {
  input: Buffer | string;
  raw?: { width: number; height: number; channels: 3 | 4 };
  orientation: "exif" | number | null;
};

/** bmp-ts leaves alpha 0 where a BMP has no alpha channel (24-bit, or 32-bit with the fourth
 *  byte unused): when no pixel has any alpha, the image is opaque. */
function opaqueUnlessAlpha(rgba: Buffer): Buffer {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 0) return rgba;
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
  return rgba;
}

/** For sharp; throws with a reason in plain words when the file cannot be decoded. */
export async function decodable(decoder: Decoder, file: Pick<OpenedFile, "alias" | "size" | "small" | "read">, tags: RawTags): Promise<Decodable> {
  const inMemory = async (what: string) => {
    if (file.size > IN_MEMORY_LIMIT) throw new Error(`this ${what} is larger than the 1 GiB Folio decodes in memory`);
    return file.read();
  };
  switch (decoder) {
    case "sharp":
      // a large file is read by libvips itself, streamed; a small one is in memory already
      return { input: file.small ? await file.read() : file.alias, orientation: "exif" };
    case "heif": {
      if (file.size > IN_MEMORY_LIMIT) throw new Error("this HEIF is larger than the 1 GiB Folio decodes");
      const image = await decodeHeif(file.alias);
      return image.kind === "pixels"
        ? { input: image.data, raw: { width: image.width, height: image.height, channels: 4 }, orientation: null }
        : { input: image.data, orientation: null };
    }
    case "raw": {
      const preview = await embeddedPreview(file.alias, tags);
      const orientation = exifOrientation(tags) ?? 1;
      // no embedded JPEG: a DNG is a TIFF that sharp may read itself
      return { input: preview ?? (file.small ? await file.read() : file.alias), orientation };
    }
    case "jxl":
      return { input: decodeJxl(await inMemory("JPEG XL file")), orientation: null };
    case "bmp": {
      let bmp;
      try {
        bmp = decodeBmp(await inMemory("BMP"), { toRGBA: true });
      } catch (e) {
        throw new Error(`this BMP could not be decoded: ${(e as Error).message}`);
      }
      return { input: opaqueUnlessAlpha(bmp.data), raw: { width: bmp.width, height: bmp.height, channels: 4 }, orientation: null };
    }
    case "video":
      // videos are previewed from a frame ffmpeg takes (video-probe.ts posterFrame)
      throw new Error("a video is previewed by ffmpeg, not decoded as an image");
  }
}
