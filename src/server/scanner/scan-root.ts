// One scan of one root: walk, compare with the index, read and preview what is new or changed,
// follow moves by content, and mark what vanished as missing. Safe to kill at any moment: each
// file's row is written only after its thumbnails, so a rerun redoes exactly what was lost.
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open, realpath } from "node:fs/promises";
import os from "node:os";
import { skipMatcher } from "~/lib/glob";
import { db } from "~/server/db";
import { isInside } from "~/server/library/paths";
import { readSiteSettings } from "~/server/db/site-settings";
import { PRESENT, photosUnder } from "~/server/db/visibility";
import { readMetadata } from "./metadata";
import { makeThumbnails } from "./thumbnails";
import { walkRoot, type FoundFile } from "./walk";
import { errorLine } from "~/lib/error-text";

export type ScanContext = {
  log: (level: "info" | "warn" | "error", message: string) => void;
  progress: (done: number, total: number) => void;
  /** true once the job is cancelled or another worker took it over */
  shouldStop: () => boolean;
};

export type ScanStats = {
  found: number;
  unchanged: number;
  added: number;
  updated: number;
  moved: number;
  returned: number;
  missing: number;
  noPreview: number;
  stopped: boolean;
};

type IndexedRow = { id: string; path: string; size: bigint; mtime: Date; missingSince: Date | null; contentHash: string | null };

const CHUNK = 500;
async function inChunks(ids: string[], fn: (chunk: string[]) => Promise<unknown>) {
  for (let i = 0; i < ids.length; i += CHUNK) await fn(ids.slice(i, i + CHUNK));
}

export async function scanRoot(root: string, ctx: ScanContext, opts: { concurrency?: number } = {}): Promise<ScanStats> {
  const stats: ScanStats = { found: 0, unchanged: 0, added: 0, updated: 0, moved: 0, returned: 0, missing: 0, noPreview: 0, stopped: false };
  const { skipPatterns } = await readSiteSettings();
  ctx.log("info", `walking ${root}`);
  const files = await walkRoot(root, { skip: skipMatcher(skipPatterns), warn: (m) => ctx.log("warn", m), shouldStop: ctx.shouldStop });
  if (ctx.shouldStop()) return { ...stats, stopped: true };
  stats.found = files.length;

  const indexed: IndexedRow[] = await db.photo.findMany({
    where: photosUnder(root),
    select: { id: true, path: true, size: true, mtime: true, missingSince: true, contentHash: true },
  });
  const byPath = new Map(indexed.map((r) => [r.path, r]));
  const seen = new Set<string>();
  const work: { file: FoundFile; row: IndexedRow | undefined }[] = [];
  const returning: string[] = [];
  for (const file of files) {
    seen.add(file.path);
    const row = byPath.get(file.path);
    if (row && Number(row.size) === file.size && row.mtime.getTime() === file.mtimeMs) {
      stats.unchanged++;
      if (row.missingSince) returning.push(row.id);
    } else work.push({ file, row });
  }
  await inChunks(returning, (ids) => db.photo.updateMany({ where: { id: { in: ids } }, data: { missingSince: null } }));
  stats.returned = returning.length;
  ctx.log("info", `${files.length} images found: ${stats.unchanged} unchanged, ${work.length} to read`);

  // files gone from their path, by content: a new file with the same content is a move
  const gone = indexed.filter((r) => !seen.has(r.path));
  const movable = new Map<string, IndexedRow[]>();
  for (const r of gone) if (r.contentHash) movable.set(r.contentHash, [...(movable.get(r.contentHash) ?? []), r]);
  const movedIds = new Set<string>();

  let done = stats.unchanged;
  ctx.progress(done, files.length);
  let next = 0;
  const realRoot = await realpath(root);
  const worker = async () => {
    while (next < work.length && !ctx.shouldStop()) {
      const { file, row } = work[next++]!;
      const outcome = await indexFile(file, row, realRoot, movable, movedIds, ctx);
      if (outcome) stats[outcome]++;
      done++;
      ctx.progress(done, files.length);
    }
  };
  const parallel = Math.max(1, opts.concurrency ?? os.availableParallelism());
  await Promise.all(Array.from({ length: parallel }, worker));
  if (ctx.shouldStop()) return { ...stats, stopped: true };

  const nowMissing = gone.filter((r) => !r.missingSince && !movedIds.has(r.id)).map((r) => r.id);
  const at = new Date();
  await inChunks(nowMissing, (ids) => db.photo.updateMany({ where: { id: { in: ids } }, data: { missingSince: at } }));
  stats.missing = nowMissing.length;
  stats.noPreview = await db.photo.count({ where: { ...photosUnder(root), ...PRESENT, thumbnailState: "failed" } });
  ctx.log(
    "info",
    `done: ${stats.added} new, ${stats.updated} changed, ${stats.moved} moved, ${stats.returned} back, ${stats.missing} missing, ${stats.unchanged} unchanged`,
  );
  return stats;
}

/** Reads a file found by the walk, unless it has since become a symlink or anything else
 *  that leads outside the root (the walk and the read are apart in time). */
export async function readInsideRoot(file: string, realRoot: string): Promise<Buffer> {
  const real = await realpath(file);
  if (!isInside(real, realRoot)) throw Object.assign(new Error("it now leads outside the scan root"), { code: "EOUTSIDE" });
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    if (!(await handle.stat()).isFile()) throw Object.assign(new Error("not a regular file"), { code: "ENOTFILE" });
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function indexFile(
  file: FoundFile,
  row: IndexedRow | undefined,
  realRoot: string,
  movable: Map<string, IndexedRow[]>,
  movedIds: Set<string>,
  ctx: ScanContext,
): Promise<"added" | "updated" | "moved" | null> {
  let buffer: Buffer;
  try {
    buffer = await readInsideRoot(file.path, realRoot);
  } catch (e) {
    ctx.log("warn", `cannot read ${file.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; skipped`);
    return null;
  }
  const contentHash = createHash("sha256").update(buffer).digest("hex");
  const mtime = new Date(file.mtimeMs);
  let preview: { width: number | null; height: number | null } = { width: null, height: null };
  let thumbnailError: string | null = null;
  try {
    preview = await makeThumbnails(buffer, contentHash);
  } catch (e) {
    thumbnailError = errorLine(e);
    ctx.log("warn", `no preview for ${file.path}: ${thumbnailError}`);
  }
  const meta = await readMetadata(buffer, mtime);
  const data = {
    path: file.path,
    directory: file.directory,
    fileName: file.fileName,
    size: BigInt(file.size),
    mtime,
    contentHash,
    mime: file.mime,
    ...preview,
    ...meta,
    thumbnailState: thumbnailError ? "failed" : "ready",
    thumbnailError,
    missingSince: null,
  };
  if (row) {
    await db.photo.update({ where: { id: row.id }, data });
    return "updated";
  }
  const candidates = movable.get(contentHash);
  const moved = candidates?.shift();
  if (moved) {
    movedIds.add(moved.id);
    await db.photo.update({ where: { id: moved.id }, data });
    ctx.log("info", `moved: ${moved.path} -> ${file.path}`);
    return "moved";
  }
  await db.photo.upsert({ where: { path: file.path }, create: data, update: data });
  return "added";
}

