// GET /api/media/zip?ids=<id>,<id>,...: the originals of several photos as one zip, made while it
// is sent (yazl): entries are stored as they are (photos are compressed already), one file open
// at a time, ZIP64 where a file or the archive passes 4 GiB. Every id is checked before the first
// byte (services/media.ts zipEntries), so a refusal is a plain status with nothing streamed.
// Stored entries of known sizes give the zip's exact length up front: the download shows progress.
//
// Served by a Pages Router API route (src/pages/api/media/zip.ts), like the other media routes.
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import type { NextApiRequest, NextApiResponse } from "next";
import { ZipFile } from "yazl";
import { zipIdsSchema } from "~/lib/media";
import { plural, pluralWord } from "~/lib/plural";
import { mediaHeaders } from "~/lib/security-headers";
import { resolveSessionUser, sessionIdentityFrom } from "~/server/auth/session";
import { AppError, httpStatus, signInRequired } from "~/server/errors";
import { zipEntries, type ZipEntry } from "~/server/services/media";

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function answerText(res: NextApiResponse, status: number, message: string, extra: Record<string, string> = {}) {
  res.statusCode = status;
  for (const [name, value] of Object.entries({ ...mediaHeaders(), "Content-Type": "text/plain; charset=utf-8", ...extra })) res.setHeader(name, value);
  res.end(message);
}

/** The name offered for the download: "folio-2024-05-01-3-files.zip" (today, UTC). */
export function zipDownloadName(count: number, now = new Date()) {
  return `folio-${now.toISOString().slice(0, 10)}-${count}-${pluralWord(count, "file")}.zip`;
}

/**
 * The zip of `entries` as it is made, and its exact length in bytes. `open` is called for one
 * entry at a time, when the zip reaches it; `stop()` (a client gone) destroys the file being read
 * and opens no more. A file that fails to open or read destroys the zip stream with that error.
 */
function zipStream(entries: ZipEntry[]): { stream: Readable; size: number; stop: () => void } {
  const zip = new ZipFile();
  // a PassThrough (the types say only NodeJS.ReadableStream)
  const output = zip.outputStream as unknown as Readable;
  let current: Readable | null = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
    current?.destroy();
    output.destroy();
  };
  const fail = (e: unknown) => {
    stopped = true;
    current?.destroy();
    output.destroy(e instanceof Error ? e : new Error(String(e)));
  };
  // yazl reports a read of the wrong length here; an unheard "error" would end the process
  zip.on("error", fail);
  for (const entry of entries) {
    const options = { size: entry.size, mtime: entry.mtime, mode: 0o100644, compress: false };
    zip.addReadStreamLazy(entry.name, options, (give) => {
      if (stopped) return;
      entry.open().then((stream) => {
        if (stopped) return void stream.destroy();
        current = stream;
        stream.on("error", fail);
        give(null, stream);
      }, fail);
    });
  }
  let size = -1;
  // known at once, during end(): every entry is stored with its size given (the types miss the argument)
  const end = zip.end.bind(zip) as (options: undefined, calculated: (total: number) => void) => void;
  end(undefined, (total) => void (size = total));
  return { stream: output, size, stop };
}

/** GET (and HEAD) /api/media/zip?ids=...: 405 for another method, 400 for a missing, malformed,
 *  empty or too long list (more than MAX_ZIP_IDS), 401 without a session, 404 when any id is
 *  not a photo the caller may see; else 200 with the zip streamed, `Content-Length` its exact
 *  size, offered as an attachment. A client that goes away stops the zip and closes its file. */
export async function mediaZipRoute(req: NextApiRequest, res: NextApiResponse) {
  const head = req.method === "HEAD";
  if (req.method !== "GET" && !head) return answerText(res, 405, "Only GET.", { Allow: "GET, HEAD" });
  const ids = zipIdsSchema.safeParse(first(req.query.ids));
  if (!ids.success) return answerText(res, 400, ids.error.issues[0]?.message ?? "Bad list of photos.");
  let entries: ZipEntry[];
  try {
    const user = await resolveSessionUser(await sessionIdentityFrom(req.cookies));
    if (!user) throw signInRequired();
    entries = await zipEntries(user, ids.data);
  } catch (e) {
    if (e instanceof AppError) return answerText(res, httpStatus(e.code), e.message);
    throw e;
  }
  const zip = zipStream(entries);
  res.statusCode = 200;
  const headers: Record<string, string> = {
    ...mediaHeaders(),
    "Content-Type": "application/zip",
    "Content-Disposition": `attachment; filename="${zipDownloadName(entries.length)}"`,
    // made for this request from the files as they are now; no-transform keeps Next's compression off
    "Cache-Control": "private, no-store, no-transform",
  };
  if (zip.size >= 0) headers["Content-Length"] = String(zip.size);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (head) {
    zip.stop();
    return void res.end();
  }
  // the client went away (pipeline's premature close) or a file changed mid-way: close the file
  // being read, end the answer
  await pipeline(zip.stream, res).catch((e: unknown) => {
    zip.stop();
    if (!res.destroyed) {
      console.warn(`Zip download of ${plural(entries.length, "file")} stopped: ${e instanceof Error ? e.message : String(e)}`);
      res.destroy();
    }
  });
}
