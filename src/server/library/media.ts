// Serving thumbnails and originals: the session and visibility first, then for an original
// the file's real path (symlinks resolved) re-checked against the viewer's scan path. Missing
// and not allowed answer alike (404).
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { AppError, httpStatus } from "~/server/errors";
import { thumbnailPath, type ThumbSize } from "~/server/scanner/thumbnails";
import { findVisiblePhoto, type Viewer } from "~/server/services/photos";
import { isInside } from "./paths";

const CACHE = "private, max-age=3600";
const notFound = () => new AppError("NOT_FOUND", "No such photo.");

function fileResponse(file: string, size: number, headers: Record<string, string>, range: string | null) {
  const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (range && m && (m[1] || m[2])) {
    const start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
    const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
    if (start > end || start >= size) {
      return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
    }
    const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream;
    return new Response(body, {
      status: 206,
      headers: { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": String(end - start + 1) },
    });
  }
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream;
  return new Response(body, { status: 200, headers: { ...headers, "Content-Length": String(size) } });
}

export async function serveThumbnail(viewer: Viewer, id: string, size: ThumbSize, ifNoneMatch: string | null) {
  const photo = await findVisiblePhoto(viewer, id);
  if (photo.thumbnailState !== "ready" || !photo.contentHash) throw notFound();
  const etag = `"${photo.contentHash}-${size}"`;
  const headers = { "Content-Type": "image/webp", ETag: etag, "Cache-Control": CACHE };
  if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  const file = thumbnailPath(photo.contentHash, size);
  const st = await stat(file).catch(() => null);
  if (!st) throw notFound();
  return fileResponse(file, st.size, headers, null);
}

export async function serveOriginal(viewer: Viewer, id: string, range: string | null, ifNoneMatch: string | null) {
  const photo = await findVisiblePhoto(viewer, id);
  // the file as it is now: a symlink swapped in since the scan must not lead anywhere else
  const real = await realpath(photo.path).catch(() => null);
  const allowed = viewer.scanPath ? await realpath(viewer.scanPath).catch(() => null) : null;
  if (!real || !allowed || !isInside(real, allowed)) throw notFound();
  const st = await stat(real).catch(() => null);
  if (!st?.isFile()) throw notFound();
  const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  const headers = {
    "Content-Type": photo.mime ?? "application/octet-stream",
    ETag: etag,
    "Cache-Control": CACHE,
    "Accept-Ranges": "bytes",
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`,
  };
  if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  return fileResponse(real, st.size, headers, range);
}

/** Maps the one error type to a plain HTTP answer for the media routes. */
export function mediaError(e: unknown) {
  if (e instanceof AppError) return new Response(e.message, { status: httpStatus(e.code) });
  throw e;
}
