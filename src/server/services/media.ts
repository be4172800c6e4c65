// Which file answers a thumbnail or original request: visibility first (the viewer's own folders,
// or an album shared with them whose owner may see the photo: album-access.ts, or for a share
// link's visitor the link's photos its owner may see: link-access.ts; the owner then stands in
// for the viewer below; originals and full-size images only when the link allows downloads), then for an original the file's real path (symlinks resolved)
// re-checked against that scan path. A zip holds the viewer's own photos only. Missing
// and not allowed answer alike (NOT_FOUND). Serving the bytes is the HTTP layer's (api/http/media.ts).
import { constants, existsSync } from "node:fs";
import { open, realpath, stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { zipEntryNames } from "~/lib/media";
import { db } from "~/server/db";
import { scanPathHolding, visibleTo } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { isInside } from "~/server/library/paths";
import { playbackMime } from "~/server/scanner/playability";
import { BROWSER_IMAGE_TYPES, ChangedSinceScan, fullSizePath, makeFullSize, touchFullSize } from "~/server/scanner/full-size";
import { renditionPath } from "~/server/scanner/rendition-files";
import { thumbnailPath, type ThumbSize } from "~/server/scanner/thumbnails";
import { renditionState } from "./playback";
import { findReachablePhoto } from "./album-access";
import { findLinkPhoto, type LinkVisitor } from "./link-access";
import type { Viewer } from "./photos";

export type { ThumbSize };

/** Who asks for a file: a signed-in viewer, or the visitor of a share link (`?link=<token>`). */
export type MediaCaller = Viewer | LinkVisitor;

/** The photo `caller` may open by id and `through`, the viewer whose folders the file checks
 *  use (findReachablePhoto, findLinkPhoto); NOT_FOUND otherwise. */
const reach = (caller: MediaCaller, id: string) => ("link" in caller ? findLinkPhoto(caller, id) : findReachablePhoto(caller, id));

/** The original's bytes through a link only when its owner allowed downloads: FORBIDDEN else. */
function assertMayDownload(caller: MediaCaller) {
  if ("link" in caller && !caller.link.allowDownload) throw new AppError("FORBIDDEN", "The owner of this link does not allow downloading originals.");
}

/** A file to send: absolute path, a strong ETag, its MIME type and, for an original or a video
 *  (sent with byte ranges), its length in bytes (read with the real path it was checked by), the
 *  name to offer a download under, and `offset`: where in `file` the bytes to send begin (the MP4
 *  inside a motion photo), 0 for a whole file. */
export type MediaFile = { file: string; etag: string; mime: string; original?: { size: number; fileName: string; offset?: number } };

const notFound = () => new AppError("NOT_FOUND", "No such photo.");

/** The WebP preview of a photo the viewer may see (`small` about 256 px on the long edge,
 *  `large` about 1280 px); NOT_FOUND while it has none. Previews are content-addressed, so the
 *  ETag (content hash, size, the row's update time) is known without touching the file. */
export async function thumbnailFile(caller: MediaCaller, id: string, size: ThumbSize): Promise<MediaFile> {
  const { photo } = await reach(caller, id);
  if (photo.thumbnailState !== "ready" || !photo.contentHash) throw notFound();
  // the row's update time too: a full rescan remakes previews under the same content hash
  return { file: thumbnailPath(photo.contentHash, size), etag: `"${photo.contentHash}-${size}-${photo.updatedAt.getTime().toString(36)}"`, mime: "image/webp" };
}

/** The real path (symlinks resolved now) of the viewer's scan folder holding `file` (its
 *  indexed path), or null when none does. */
async function realScanPath(viewer: Viewer, file: string) {
  const folder = scanPathHolding(viewer, file);
  return folder ? await realpath(folder).catch(() => null) : null;
}

/** `file`'s real path and stat when it is a regular file inside `allowed` (a real path), else NOT_FOUND. */
async function checkedFile(file: string, allowed: string | null) {
  const real = await realpath(file).catch(() => null);
  if (!real || !allowed || !isInside(real, allowed)) throw notFound();
  const st = await stat(real).catch(() => null);
  if (!st?.isFile()) throw notFound();
  return { real, st };
}

/** A library file as it is on disk now: a symlink swapped in since the scan must not lead
 *  anywhere else, so its real path must still lie inside the viewer's real scan path. */
async function libraryFile(viewer: Viewer, file: string, mime: string, fileName: string): Promise<MediaFile> {
  const { real, st } = await checkedFile(file, await realScanPath(viewer, file));
  return { file: real, etag: `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`, mime, original: { size: st.size, fileName } };
}

/** The photo's (or video's) file as it is; through a link without downloads, FORBIDDEN. */
export async function originalFile(caller: MediaCaller, id: string): Promise<MediaFile> {
  const { photo, through: access } = await reach(caller, id);
  assertMayDownload(caller);
  return libraryFile(access, photo.path, photo.mime ?? "application/octet-stream", photo.fileName);
}

/** A rendition made for `sourceHash`, or SERVICE_UNAVAILABLE while it is being made and
 *  UNPROCESSABLE_CONTENT when it could not be. */
async function renditionFile(sourceHash: string | null, fileName: string): Promise<MediaFile> {
  const state = sourceHash ? await renditionState(sourceHash) : ({ status: "pending" } as const);
  if (state.status === "failed") throw new AppError("UNPROCESSABLE_CONTENT", `This video cannot be played in the browser: ${state.reason}.`);
  if (!sourceHash || state.status !== "ready") throw new AppError("SERVICE_UNAVAILABLE", "The browser-playable copy of this video is still being made.");
  const name = `${fileName.replace(/\.[^.]*$/, "")}.mp4`;
  return { file: renditionPath(sourceHash), etag: `"r-${sourceHash}-${state.size.toString(16)}"`, mime: "video/mp4", original: { size: state.size, fileName: name } };
}

/** What the browser should play for a video: its original when browsers play it (as video/mp4
 *  or video/webm), else its rendition. NOT_FOUND for photos, like a missing id. */
export async function playbackFile(caller: MediaCaller, id: string): Promise<MediaFile> {
  const { photo, through: access } = await reach(caller, id);
  if (photo.mediaType !== "video" || !photo.playback) throw notFound();
  if (photo.playback === "rendition") return renditionFile(photo.contentHash, photo.fileName);
  return libraryFile(access, photo.path, playbackMime(photo.mime), photo.fileName);
}

/** The motion of a live photo (its video file, checked like an original) or of a motion photo
 *  (the MP4 bytes inside it, never written out), or its rendition. NOT_FOUND without motion. */
export async function motionFile(caller: MediaCaller, id: string): Promise<MediaFile> {
  const { photo, through: access } = await reach(caller, id);
  if (!photo.hasMotion) throw notFound();
  const name = `${photo.fileName.replace(/\.[^.]*$/, "")}-motion.mp4`;
  if (photo.motionPlayback === "rendition") return renditionFile(photo.motionHash, name);
  if (photo.motionKind === "live" && photo.motionPath) return libraryFile(access, photo.motionPath, "video/mp4", name);
  if (photo.motionKind !== "embedded" || photo.motionOffset === null || photo.motionLength === null) throw notFound();
  const whole = await libraryFile(access, photo.path, "video/mp4", name);
  const offset = Number(photo.motionOffset);
  const length = Number(photo.motionLength);
  // the file changed since the scan: its offsets no longer hold
  if (offset + length > whole.original!.size) throw notFound();
  // the file's own size and mtime too: bytes rewritten in place keep the scan's hash until the next scan
  return { ...whole, etag: `"m-${photo.motionHash}-${whole.etag.slice(1, -1)}"`, original: { size: length, fileName: name, offset } };
}

/** One file of a zip download: its entry name (unique in the zip), length in bytes and
 *  modification time as checked, and `open`, which opens it for reading when its turn comes. */
export type ZipEntry = { name: string; size: number; mtime: Date; open: () => Promise<Readable> };

// Linux names an open descriptor in /proc: what was opened is checked, not what the name means now
const PROC_FD = existsSync("/proc/self/fd");

/** Opens `real` (no final symlink followed) and checks that what was opened is still the file
 *  that was checked: a regular file of `size` bytes inside `allowed`. Throws NOT_FOUND else. */
async function openChecked(real: string, size: number, allowed: string): Promise<Readable> {
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => {
    throw notFound();
  });
  try {
    const st = await handle.stat();
    const now = PROC_FD ? await realpath(`/proc/self/fd/${handle.fd}`) : real;
    if (!st.isFile() || st.size !== size || !isInside(now, allowed)) throw notFound();
  } catch (e) {
    await handle.close();
    throw e;
  }
  // closes the handle when the stream ends or is destroyed
  return handle.createReadStream();
}

/**
 * The originals of `ids` (1 to MAX_ZIP_IDS, each once, as zipIdsSchema gives them) for one zip,
 * in that order (a repeated id once), all checked before anything is sent: every id must be a photo the viewer may
 * see whose file is still a regular file inside their scan path (real paths), else NOT_FOUND for
 * the whole list, exactly as one missing id. Entry names are the file names made unique
 * (zipEntryNames). Nothing is opened here: each entry's `open` opens its file when the zip
 * reaches it and throws NOT_FOUND when the file changed since (size, type, place).
 */
export async function zipEntries(viewer: Viewer, ids: string[]): Promise<ZipEntry[]> {
  const unique = [...new Set(ids)];
  const rows = await db.photo.findMany({ where: { AND: [{ id: { in: unique } }, visibleTo(viewer)] }, select: { id: true, path: true, fileName: true } });
  if (rows.length !== unique.length) throw notFound();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = unique.map((id) => byId.get(id)!);
  const files = await Promise.all(
    ordered.map(async (r) => {
      const allowed = await realScanPath(viewer, r.path);
      return { ...(await checkedFile(r.path, allowed)), allowed: allowed! };
    }),
  );
  const names = zipEntryNames(ordered.map((r) => r.fileName));
  return files.map(({ real, st, allowed }, i) => ({ name: names[i]!, size: st.size, mtime: st.mtime, open: () => openChecked(real, st.size, allowed) }));
}

/**
 * The image the viewer zooms into, at full resolution: the original (as originalFile) when
 * browsers decode it (JPEG, PNG, WebP, GIF, AVIF); else a full-size JPEG, upright, made once per
 * content by the scanner's decoders (HEIC, RAW's largest embedded preview, TIFF, JPEG XL, BMP)
 * and kept in STATE_DIR/full-size (scanner/full-size.ts). NOT_FOUND for videos, like a missing
 * id, and for a file changed since its scan (until the next scan reads it);
 * UNPROCESSABLE_CONTENT when the file cannot be decoded; through a link without downloads,
 * FORBIDDEN (it is the original's full resolution).
 */
export async function fullFile(caller: MediaCaller, id: string): Promise<MediaFile> {
  const { photo, through: access } = await reach(caller, id);
  assertMayDownload(caller);
  if (photo.mediaType === "video") throw notFound();
  if (photo.mime && BROWSER_IMAGE_TYPES.has(photo.mime)) return libraryFile(access, photo.path, photo.mime, photo.fileName);
  const hash = photo.contentHash;
  if (!hash) throw notFound();
  const fileName = `${photo.fileName.replace(/\.[^.]*$/, "")}.jpg`;
  // the file still in place inside the viewer's folder, as for its original, kept copy or not
  const allowed = await realScanPath(access, photo.path);
  const { real } = await checkedFile(photo.path, allowed);
  let size = await touchFullSize(hash);
  if (size === null) {
    try {
      size = await makeFullSize(real, allowed!, hash);
    } catch (e) {
      if (e instanceof ChangedSinceScan) throw notFound();
      console.warn(`Full-size image of ${photo.path}: ${(e as Error).message}`);
      throw new AppError("UNPROCESSABLE_CONTENT", "This photo could not be decoded at full size.");
    }
  }
  return { file: fullSizePath(hash), etag: `"full-${hash}"`, mime: "image/jpeg", original: { size, fileName } };
}
