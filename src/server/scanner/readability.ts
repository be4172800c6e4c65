// The one rule for a file that "could not be read": its bytes could not be decoded at all, so it
// is no photo. Such a file keeps its index row (so fixing it brings it back, with its id) but is
// hidden from every read and count (db/visibility.ts) and listed for admins with the reason.
//
//  - unreadable: an empty file; an image no decoder could open (truncated so that no preview
//    comes out, or not the format its extension says); a video ffprobe cannot read.
//  - readable, with no preview: a limit of Folio's rather than a fault of the file (more than
//    4 gigapixels, more than the 1 GiB decoded in memory), a missing or crashing tool (ffmpeg,
//    ffprobe: the next scan reads it again), a video ffprobe reads but whose frame ffmpeg could
//    not take, and a RAW without a usable embedded preview whose metadata ExifTool reads (camera
//    make or model): a real photo that Folio merely cannot render.
import type { RawTags } from "./exiftool";
import type { Decoder } from "./formats";
import { tagIn, text } from "./tag-values";

/** Failures that are Folio's limits, not the file's fault: the file is still a photo. */
const FOLIO_LIMIT = /exceeds pixel limit|larger than the 4 gigapixels|larger than the 1 GiB/i;

export type ReadAttempt = {
  /** the file's size in bytes */
  size: number;
  decoder: Decoder;
  /** what the file's tags say (ExifTool), empty when it read nothing */
  tags: RawTags;
  /** why no preview was made (preview-error.ts words), null when one was */
  previewError: string | null;
  /** the decoder, ffprobe or ffmpeg was missing or crashed: nothing is known about the file */
  toolMissing: boolean;
  /** a video that ffprobe read (only its poster frame may have failed) */
  probed: boolean;
};

/** Why the file could not be read at all, in words for an admin, or null when it is a photo
 *  (with or without a preview). */
export function readFailure(a: ReadAttempt): string | null {
  if (a.size === 0) return "the file is empty";
  if (!a.previewError || a.toolMissing || FOLIO_LIMIT.test(a.previewError)) return null;
  if (a.decoder === "video") return a.probed ? null : a.previewError;
  if (a.decoder === "raw" && !a.tags["ExifTool:Error"] && (text(tagIn(a.tags, "Make", "exif")) || text(tagIn(a.tags, "Model", "exif")))) return null;
  return a.previewError;
}
