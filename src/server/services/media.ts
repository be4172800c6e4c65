// Which file answers a thumbnail or original request: visibility first, then for an original
// the file's real path (symlinks resolved) re-checked against the viewer's scan path. Missing
// and not allowed answer alike (NOT_FOUND). Serving the bytes is the HTTP layer's (api/http/media.ts).
import { realpath, stat } from "node:fs/promises";
import { AppError } from "~/server/errors";
import { isInside } from "~/server/library/paths";
import { thumbnailPath, type ThumbSize } from "~/server/scanner/thumbnails";
import { findVisiblePhoto, type Viewer } from "./photos";

export type { ThumbSize };

/** A file to send: absolute path, a strong ETag, its MIME type and, for an original, its length
 *  in bytes (read with the real path it was checked by) and the name to offer a download under. */
export type MediaFile = { file: string; etag: string; mime: string; original?: { size: number; fileName: string } };

const notFound = () => new AppError("NOT_FOUND", "No such photo.");

/** The WebP preview of a photo the viewer may see (`small` about 256 px on the long edge,
 *  `large` about 1280 px); NOT_FOUND while it has none. Previews are content-addressed, so the
 *  ETag (content hash, size, the row's update time) is known without touching the file. */
export async function thumbnailFile(viewer: Viewer, id: string, size: ThumbSize): Promise<MediaFile> {
  const photo = await findVisiblePhoto(viewer, id);
  if (photo.thumbnailState !== "ready" || !photo.contentHash) throw notFound();
  // the row's update time too: a full rescan remakes previews under the same content hash
  return { file: thumbnailPath(photo.contentHash, size), etag: `"${photo.contentHash}-${size}-${photo.updatedAt.getTime().toString(36)}"`, mime: "image/webp" };
}

/** The photo's file as it is on disk now: a symlink swapped in since the scan must not lead
 *  anywhere else, so its real path must still lie inside the viewer's real scan path. */
export async function originalFile(viewer: Viewer, id: string): Promise<MediaFile> {
  const photo = await findVisiblePhoto(viewer, id);
  const real = await realpath(photo.path).catch(() => null);
  const allowed = viewer.scanPath ? await realpath(viewer.scanPath).catch(() => null) : null;
  if (!real || !allowed || !isInside(real, allowed)) throw notFound();
  const st = await stat(real).catch(() => null);
  if (!st?.isFile()) throw notFound();
  return {
    file: real,
    etag: `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`,
    mime: photo.mime ?? "application/octet-stream",
    original: { size: st.size, fileName: photo.fileName },
  };
}
