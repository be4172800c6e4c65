// GET /api/media/<id>/thumbnail and /original: the session, then the services' file, sent with
// ETag, conditional requests and byte ranges. Errors answer as plain text with their status.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { getSessionIdentity, resolveSessionUser } from "~/server/auth/session";
import { AppError, httpStatus, signInRequired } from "~/server/errors";
import { motionFile, originalFile, playbackFile, thumbnailFile, type MediaFile, type ThumbSize } from "~/server/services/media";
import type { Viewer } from "~/server/services/photos";

const CACHE = "private, max-age=3600";
type Params = { params: Promise<{ id: string }> };

const stream = (file: string, range?: { start: number; end: number }) => Readable.toWeb(createReadStream(file, range)) as ReadableStream;

/** 200 with the whole file, 206 with one range (`bytes=a-b`, `a-`, `-n`, originals only), 416
 *  for a range past the end, 304 when the client's ETag (`ifNoneMatch`) matches, before the
 *  file is opened. A preview gone from disk is NOT_FOUND. */
async function fileResponse(media: MediaFile, range: string | null, ifNoneMatch: string | null) {
  const headers: Record<string, string> = { "Content-Type": media.mime, ETag: media.etag, "Cache-Control": CACHE };
  if (media.original) {
    headers["Accept-Ranges"] = "bytes";
    headers["Content-Disposition"] = `inline; filename*=UTF-8''${encodeURIComponent(media.original.fileName)}`;
  }
  if (ifNoneMatch === media.etag) return new Response(null, { status: 304, headers });
  const size = media.original?.size ?? (await stat(media.file).catch(() => null))?.size;
  if (size === undefined) throw new AppError("NOT_FOUND", "No such photo.");
  const m = range && media.original ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  // "bytes=5-2" is no range at all (RFC 9110: ignore it and send the whole file)
  if (m && (m[1] || m[2]) && !(m[1] && m[2] && Number(m[1]) > Number(m[2]))) {
    const start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
    const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
    if (start > end || start >= size) return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
    const offset = media.original?.offset ?? 0;
    return new Response(stream(media.file, { start: start + offset, end: end + offset }), {
      status: 206,
      headers: { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": String(end - start + 1) },
    });
  }
  const offset = media.original?.offset ?? 0;
  const whole = offset ? stream(media.file, { start: offset, end: offset + size - 1 }) : stream(media.file);
  return new Response(whole, { status: 200, headers: { ...headers, "Content-Length": String(size) } });
}

/** A photo's preview for `viewer`; throws AppError NOT_FOUND like the services. */
export async function serveThumbnail(viewer: Viewer, id: string, size: ThumbSize, ifNoneMatch: string | null) {
  return fileResponse(await thumbnailFile(viewer, id, size), null, ifNoneMatch);
}

/** A photo's original for `viewer`, with byte ranges; throws AppError NOT_FOUND like the services. */
export async function serveOriginal(viewer: Viewer, id: string, range: string | null, ifNoneMatch: string | null) {
  return fileResponse(await originalFile(viewer, id), range, ifNoneMatch);
}

/** A video as the browser should play it (original or rendition), with byte ranges; throws
 *  AppError NOT_FOUND, SERVICE_UNAVAILABLE (rendition pending) or UNPROCESSABLE_CONTENT. */
export async function servePlayback(viewer: Viewer, id: string, range: string | null, ifNoneMatch: string | null) {
  return fileResponse(await playbackFile(viewer, id), range, ifNoneMatch);
}

/** A live or motion photo's motion as video, with byte ranges; throws like servePlayback. */
export async function serveMotion(viewer: Viewer, id: string, range: string | null, ifNoneMatch: string | null) {
  return fileResponse(await motionFile(viewer, id), range, ifNoneMatch);
}

/** Resolves the session, then answers with `serve`; AppErrors become their HTTP status. */
async function withViewer(serve: (viewer: Viewer) => Promise<Response>) {
  try {
    const user = await resolveSessionUser(await getSessionIdentity());
    if (!user) throw signInRequired();
    return await serve(user);
  } catch (e) {
    if (e instanceof AppError) {
      // a rendition being made: a player may ask again
      const retry: Record<string, string> = e.code === "SERVICE_UNAVAILABLE" ? { "Retry-After": "30" } : {};
      return new Response(e.message, { status: httpStatus(e.code), headers: retry });
    }
    throw e;
  }
}

/** GET /api/media/<id>/thumbnail?size=small|large (anything else: small). */
export const thumbnailGET = async (req: Request, { params }: Params) => {
  const size = new URL(req.url).searchParams.get("size") === "large" ? "large" : "small";
  const { id } = await params;
  return withViewer((viewer) => serveThumbnail(viewer, id, size, req.headers.get("if-none-match")));
};

/** GET /api/media/<id>/playback: a video as the browser should play it, with byte ranges. */
export const playbackGET = async (req: Request, { params }: Params) => {
  const { id } = await params;
  return withViewer((viewer) => servePlayback(viewer, id, req.headers.get("range"), req.headers.get("if-none-match")));
};

/** GET /api/media/<id>/motion: a live or motion photo's motion as video, with byte ranges. */
export const motionGET = async (req: Request, { params }: Params) => {
  const { id } = await params;
  return withViewer((viewer) => serveMotion(viewer, id, req.headers.get("range"), req.headers.get("if-none-match")));
};

/** GET /api/media/<id>/original. */
export const originalGET = async (req: Request, { params }: Params) => {
  const { id } = await params;
  return withViewer((viewer) => serveOriginal(viewer, id, req.headers.get("range"), req.headers.get("if-none-match")));
};
