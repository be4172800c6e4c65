// /api/media/<id>/thumbnail, /original, /full, /playback and /motion: the session (or, with
// ?link=<token>, the share link and for a password link its proof cookie), then the services'
// file, sent with ETag, conditional requests, byte ranges, its length and the media security
// headers. Errors answer as plain text with their status.
//
// Served by a Pages Router API route (src/pages/api/media/[id]/[kind].ts), not an App Router
// route handler: Next 16 drops the Content-Length of a handler's Response (send-response.ts),
// so downloads showed no progress. `Cache-Control: no-transform` keeps Next's compression off
// these bytes (it skips such answers), whatever their type; pages are still compressed.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { NextApiRequest, NextApiResponse } from "next";
import { mediaHeaders } from "~/lib/security-headers";
import { resolveSessionUser, sessionIdentityFrom } from "~/server/auth/session";
import { AppError, httpStatus, signInRequired } from "~/server/errors";
import { linkVisitor } from "~/server/services/link-access";
import { faceCropFile } from "~/server/services/people";
import { fullFile, motionFile, originalFile, playbackFile, thumbnailFile, type MediaCaller, type MediaFile, type ThumbSize } from "~/server/services/media";

const CACHE = "private, max-age=3600, no-transform";
// through a link the browser asks again each time (a 304 while the ETag holds), so a revoked or
// expired link stops showing at once rather than within the hour
const LINK_CACHE = "private, no-cache, no-transform";
const cacheFor = (caller: MediaCaller) => ("link" in caller ? LINK_CACHE : CACHE);

const stream = (file: string, range?: { start: number; end: number }) => Readable.toWeb(createReadStream(file, range)) as ReadableStream;

/** 200 with the whole file, 206 with one range (`bytes=a-b`, `a-`, `-n`), 416 for a range past
 *  the end, 304 when the client's ETag (`ifNoneMatch`) matches, before the file is opened;
 *  every answer with its Content-Length and `cache` as its Cache-Control. A preview gone from
 *  disk is NOT_FOUND. */
async function fileResponse(media: MediaFile, range: string | null, ifNoneMatch: string | null, cache = CACHE) {
  const headers: Record<string, string> = { ...mediaHeaders(), "Content-Type": media.mime, ETag: media.etag, "Cache-Control": cache, "Accept-Ranges": "bytes" };
  if (media.original) headers["Content-Disposition"] = `inline; filename*=UTF-8''${encodeURIComponent(media.original.fileName)}`;
  if (ifNoneMatch === media.etag) return new Response(null, { status: 304, headers });
  const size = media.original?.size ?? (await stat(media.file).catch(() => null))?.size;
  if (size === undefined) throw new AppError("NOT_FOUND", "No such photo.");
  const offset = media.original?.offset ?? 0;
  const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  // "bytes=5-2" is no range at all (RFC 9110: ignore it and send the whole file)
  if (m && (m[1] || m[2]) && !(m[1] && m[2] && Number(m[1]) > Number(m[2]))) {
    const start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
    const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
    if (start > end || start >= size) return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
    return new Response(stream(media.file, { start: start + offset, end: end + offset }), {
      status: 206,
      headers: { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": String(end - start + 1) },
    });
  }
  const whole = offset ? stream(media.file, { start: offset, end: offset + size - 1 }) : stream(media.file);
  return new Response(whole, { status: 200, headers: { ...headers, "Content-Length": String(size) } });
}

/** A photo's preview for `viewer` (a signed-in user or a link's visitor), with byte ranges;
 *  throws AppError NOT_FOUND like the services. */
export async function serveThumbnail(viewer: MediaCaller, id: string, size: ThumbSize, ifNoneMatch: string | null, range: string | null = null) {
  return fileResponse(await thumbnailFile(viewer, id, size), range, ifNoneMatch, cacheFor(viewer));
}

/** A photo's original for `viewer`, with byte ranges; throws AppError NOT_FOUND like the
 *  services, FORBIDDEN through a link that allows no downloads. */
export async function serveOriginal(viewer: MediaCaller, id: string, range: string | null, ifNoneMatch: string | null) {
  return fileResponse(await originalFile(viewer, id), range, ifNoneMatch, cacheFor(viewer));
}

/** The viewer's full-resolution image of a photo (the original, or a full-size JPEG made once for
 *  formats browsers cannot decode), with byte ranges; throws AppError NOT_FOUND or
 *  UNPROCESSABLE_CONTENT. */
export async function serveFull(viewer: MediaCaller, id: string, range: string | null, ifNoneMatch: string | null) {
  return fileResponse(await fullFile(viewer, id), range, ifNoneMatch, cacheFor(viewer));
}

/** A video as the browser should play it (original or rendition), with byte ranges; throws
 *  AppError NOT_FOUND, SERVICE_UNAVAILABLE (rendition pending) or UNPROCESSABLE_CONTENT. */
export async function servePlayback(viewer: MediaCaller, id: string, range: string | null, ifNoneMatch: string | null) {
  return fileResponse(await playbackFile(viewer, id), range, ifNoneMatch, cacheFor(viewer));
}

/** A live or motion photo's motion as video, with byte ranges; throws like servePlayback. */
export async function serveMotion(viewer: MediaCaller, id: string, range: string | null, ifNoneMatch: string | null) {
  return fileResponse(await motionFile(viewer, id), range, ifNoneMatch, cacheFor(viewer));
}

// a refusal is never kept by a cache: access changes (a revoked link, a folder taken away)
const textAnswer = (status: number, message: string, extra: Record<string, string> = {}) =>
  new Response(message, { status, headers: { ...mediaHeaders(), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra } });

/** Who asks: with `link` (the ?link= token) that link's visitor, the request's `cookies` holding
 *  a password link's proof (the session plays no part); else the session's user. */
async function callerOf(link: string | undefined, cookies: Partial<Record<string, string>>): Promise<MediaCaller> {
  if (link !== undefined) return linkVisitor(link, (name) => cookies[name]);
  return signedIn(cookies);
}

/** The session's user, or UNAUTHORIZED. */
async function signedIn(cookies: Partial<Record<string, string>>) {
  const user = await resolveSessionUser(await sessionIdentityFrom(cookies));
  if (!user) throw signInRequired();
  return user;
}

/** Finds the caller, then answers with `serve`; AppErrors become their HTTP status. */
async function withCaller<C extends MediaCaller>(caller: () => Promise<C>, serve: (viewer: C) => Promise<Response>) {
  try {
    return await serve(await caller());
  } catch (e) {
    if (e instanceof AppError) {
      // a rendition being made: a player may ask again
      return textAnswer(httpStatus(e.code), e.message, e.code === "SERVICE_UNAVAILABLE" ? { "Retry-After": "30" } : {});
    }
    throw e;
  }
}

type Request = { range: string | null; ifNoneMatch: string | null; size: ThumbSize };

/** What each /api/media/<id>/<kind> serves. */
const KINDS: Record<string, (viewer: MediaCaller, id: string, r: Request) => Promise<Response>> = {
  // ?size=small|large (anything else: small)
  thumbnail: (viewer, id, r) => serveThumbnail(viewer, id, r.size, r.ifNoneMatch, r.range),
  original: (viewer, id, r) => serveOriginal(viewer, id, r.range, r.ifNoneMatch),
  full: (viewer, id, r) => serveFull(viewer, id, r.range, r.ifNoneMatch),
  playback: (viewer, id, r) => servePlayback(viewer, id, r.range, r.ifNoneMatch),
  motion: (viewer, id, r) => serveMotion(viewer, id, r.range, r.ifNoneMatch),
};

/** Writes a Web Response to Node's response as it is: status, every header (Content-Length
 *  included), then the body streamed (none for HEAD). */
async function send(res: NextApiResponse, answer: Response, head: boolean) {
  res.statusCode = answer.status;
  answer.headers.forEach((value, name) => res.setHeader(name, value));
  if (!answer.body || head) {
    await answer.body?.cancel();
    res.end();
    return;
  }
  // a client that goes away mid-file (a player seeking elsewhere) is no error of ours
  await pipeline(Readable.fromWeb(answer.body as import("node:stream/web").ReadableStream), res).catch(() => res.destroy());
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** GET (and HEAD) /api/media/<id>/<thumbnail|original|full|playback|motion>[?link=<token>], as
 *  a Pages Router API route: 404 for another kind, 405 for another method. */
export async function mediaRoute(req: NextApiRequest, res: NextApiResponse) {
  const head = req.method === "HEAD";
  const kind = first(req.query.kind) ?? "";
  // own keys only: "constructor" or "toString" are no kind of media
  const serve = Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;
  const id = first(req.query.id) ?? "";
  if (req.method !== "GET" && !head) return send(res, textAnswer(405, "Only GET.", { Allow: "GET, HEAD" }), head);
  if (!serve) return send(res, textAnswer(404, "Not found."), head);
  const request: Request = {
    range: first(req.headers.range) ?? null,
    ifNoneMatch: first(req.headers["if-none-match"]) ?? null,
    size: first(req.query.size) === "large" ? "large" : "small",
  };
  const link = first(req.query.link);
  return send(res, await withCaller(() => callerOf(link, req.cookies), (caller) => serve(caller, id, request)), head);
}

/** GET (and HEAD) /api/media/face/<faceId>: the crop of a face the signed-in caller may see
 *  (services/people.ts faceCropFile), as a Pages Router API route; 404 like a missing face
 *  otherwise, 405 for another method. Share links show no faces. */
export async function faceRoute(req: NextApiRequest, res: NextApiResponse) {
  const head = req.method === "HEAD";
  if (req.method !== "GET" && !head) return send(res, textAnswer(405, "Only GET.", { Allow: "GET, HEAD" }), head);
  const faceId = first(req.query.faceId) ?? "";
  const ifNoneMatch = first(req.headers["if-none-match"]) ?? null;
  const answer = await withCaller(
    () => signedIn(req.cookies),
    async (viewer) => fileResponse(await faceCropFile(viewer, faceId), null, ifNoneMatch),
  );
  return send(res, answer, head);
}
