// The video inside a motion photo: Google's Motion Photo format 1.0 (XMP GCamera:MotionPhoto with
// a Container:Directory whose MotionPhoto item gives the video's length; the video ends the file),
// Google's older MicroVideo (GCamera:MicroVideoOffset: the video starts that many bytes before
// the end), Samsung's JPEG trailer (the ASCII marker "MotionPhoto_Data", then the MP4) and
// Samsung's HEIC box (a top-level `mpvd` box, "motion photo video data", holding the MP4). Where the
// video lies is checked on the bytes (an MP4 starts with an ftyp box) and its length measured by
// walking its top-level boxes, which also leaves out what a Samsung trailer adds after it.
import type { RawTags } from "./exiftool";
import type { OpenedFile } from "./open-file";
import { list, number } from "./tag-values";

export type EmbeddedVideo = { offset: number; length: number };

const SAMSUNG_MARKER = Buffer.from("MotionPhoto_Data", "latin1");

/** The first value of a tag whose name (after the group) is `name`, in any XMP group. */
function xmpValue(tags: RawTags, name: string): unknown {
  for (const [key, value] of Object.entries(tags)) if (key.startsWith("XMP") && key.endsWith(`:${name}`)) return value;
  return undefined;
}

type Candidate = { offset: number; end: number };

/** Where the video may start (and the end it cannot pass), most specific first. */
async function candidates(tags: RawTags, file: Pick<OpenedFile, "size" | "small" | "read" | "readRange">): Promise<Candidate[]> {
  const found: Candidate[] = [];
  const fromEnd = (length: number | null) => {
    if (length && length > 0 && length < file.size) found.push({ offset: file.size - length, end: file.size });
  };
  if (number(xmpValue(tags, "MotionPhoto")) === 1) {
    const semantics = list(xmpValue(tags, "DirectoryItemSemantic"));
    const raw = xmpValue(tags, "DirectoryItemLength");
    const lengths = (Array.isArray(raw) ? raw : [raw]).map(number);
    // ExifTool lists only the lengths that are there, and the primary image may have none (the
    // Ultra HDR example omits it): the lengths belong to the last items
    const i = semantics.findIndex((s) => s.toLowerCase() === "motionphoto") - (semantics.length - lengths.length);
    fromEnd(i >= 0 ? (lengths[i] ?? null) : null);
  }
  if (number(xmpValue(tags, "MicroVideo")) === 1) fromEnd(number(xmpValue(tags, "MicroVideoOffset")));
  const mpvd = await samsungHeifBox(file);
  if (mpvd) found.push(mpvd);
  if (file.small) {
    // Samsung writes no XMP for it; the marker sits after the image, so search from the end
    const bytes = await file.read();
    const at = bytes.lastIndexOf(SAMSUNG_MARKER);
    if (at > 0) found.push({ offset: at + SAMSUNG_MARKER.length, end: file.size });
  }
  return found;
}

const BOX_TYPE = /^[a-zA-Z0-9 ©]{4}$/;

type Box = { type: string; at: number; headerSize: number; size: number };

/** The ISO BMFF boxes that follow each other from `start` (an MP4, a HEIF), starting with an
 *  `ftyp` box, until something is not a box or would run past the end of the file. */
async function* boxesFrom(file: Pick<OpenedFile, "size" | "readRange">, start: number, end = file.size): AsyncGenerator<Box> {
  let at = start;
  while (at + 8 <= end) {
    const header = await file.readRange(at, 16);
    if (header.length < 8) return;
    const type = header.toString("latin1", 4, 8);
    if ((at === start && type !== "ftyp") || !BOX_TYPE.test(type)) return;
    let size = header.readUInt32BE(0);
    let headerSize = 8;
    if (size === 1 && header.length >= 16) {
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) size = end - at; // to the end of the file
    if (size < headerSize || at + size > end) return;
    yield { type, at, headerSize, size };
    at += size;
  }
}

/** The content of a HEIF file's top-level `mpvd` box (Samsung's motion photo), or null (a JPEG
 *  has no boxes; a HEIF without one). */
async function samsungHeifBox(file: Pick<OpenedFile, "size" | "readRange">): Promise<Candidate | null> {
  for await (const box of boxesFrom(file, 0)) if (box.type === "mpvd") return { offset: box.at + box.headerSize, end: box.at + box.size };
  return null;
}

/** The length of the MP4 starting at `offset`: its top-level boxes walked until one is not a box
 *  (or the file ends); null unless an ftyp box starts there and a moov box (the movie) follows. */
async function mp4Length(file: Pick<OpenedFile, "size" | "readRange">, { offset, end: limit }: Candidate): Promise<number | null> {
  let end = offset;
  let movie = false;
  for await (const box of boxesFrom(file, offset, limit)) {
    end = box.at + box.size;
    movie ||= box.type === "moov";
  }
  return movie ? end - offset : null;
}

/** The MP4 a JPEG or HEIF file carries after its image, or null (none, or the tags point at
 *  something that is not an MP4). Reads at most a few boxes' headers beyond the tags. */
export async function embeddedVideo(tags: RawTags, file: Pick<OpenedFile, "size" | "small" | "read" | "readRange">): Promise<EmbeddedVideo | null> {
  for (const candidate of await candidates(tags, file)) {
    const length = await mp4Length(file, candidate);
    if (length) return { offset: candidate.offset, length };
  }
  return null;
}
