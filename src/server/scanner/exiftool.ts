// The one metadata engine: ExifTool (exiftool-vendored runs the perl ExifTool shipped inside the
// npm package in long-lived batch processes). It reads EXIF, IPTC, XMP, maker notes, HEIF and
// every RAW kind, and extracts the previews cameras embed in RAW files. Started on the first read
// of a scan and ended when the last scan using it finishes, so a scan that reads nothing (every
// file unchanged) never starts it, and no process outlives the work.
import os from "node:os";
import { ExifTool } from "exiftool-vendored";

/** Tags keyed `Group:Name` (ExifTool's family-1 groups: `ExifIFD:DateTimeOriginal`,
 *  `XMP-dc:Subject`, `IPTC:Keywords`, `GPS:GPSDateStamp`, ...), values as ExifTool prints them
 *  with `-n` (numbers as numbers, lists as arrays). */
export type RawTags = Record<string, unknown>;

let tool: ExifTool | null = null;
let users = 0;

function exiftool(): ExifTool {
  // -n: numbers unformatted (orientation 6, not "Rotate 90 CW"); -a -G1: every copy of a tag with
  // its group, so EXIF and XMP dates stay apart; -struct off: flat lists.
  tool ??= new ExifTool({ maxProcs: os.availableParallelism(), taskTimeoutMillis: 60_000, useMWG: false });
  return tool;
}

/** ExifTool takes its arguments one per line: a name holding a line break would smuggle in
 *  options of its own (-if, -w...). Such names never reach it. */
function safeArgument(file: string) {
  if (/[\u0000-\u001f\u007f]/.test(file)) throw new Error("the file's path holds a control character; ExifTool is not given it");
}

/** Marks a scan as using the engine until `release` (the engine itself starts lazily). */
export function holdExifTool(): () => Promise<void> {
  users++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--users === 0 && tool) {
      const ending = tool;
      tool = null;
      await ending.end();
    }
  };
}

/**
 * Every tag of `file` (see RawTags). `-fast` stops at the image data of a JPEG instead of reading
 * to its end. Throws with ExifTool's own words when it cannot read the file at all; minor
 * problems come back as `ExifTool:Warning`.
 */
export async function readTags(file: string): Promise<RawTags> {
  safeArgument(file);
  const tags = (await exiftool().readRaw(file, { readArgs: ["-fast", "-n", "-a", "-G1"] })) as RawTags;
  const error = tags["ExifTool:Error"];
  if (typeof error === "string") throw new Error(error);
  return tags;
}

/** The bytes of one embedded binary tag (`JpgFromRaw`, `PreviewImage`, `OtherImage`). */
export function extractEmbedded(file: string, tag: "JpgFromRaw" | "PreviewImage" | "OtherImage"): Promise<Buffer> {
  safeArgument(file);
  return exiftool().extractBinaryTagToBuffer(tag, file);
}

/** ExifTool's version, for the health endpoint; null when it cannot start (no perl). */
export async function exiftoolVersion(): Promise<string | null> {
  const release = holdExifTool();
  try {
    return await exiftool().version();
  } catch {
    return null;
  } finally {
    await release();
  }
}
