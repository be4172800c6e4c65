// One scan of one root: walk, compare with the index, read and preview what is new or changed
// (the file, or only its XMP sidecar; everything in a full rescan), follow moves by content, and
// mark what vanished as missing. Safe to kill at any moment: each file's row is written only
// after its thumbnails, so a rerun redoes exactly what was lost.
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open, realpath } from "node:fs/promises";
import os from "node:os";
import { skipMatcher } from "~/lib/glob";
import { db } from "~/server/db";
import { isInside } from "~/server/library/paths";
import { readSiteSettings } from "~/server/db/site-settings";
import { PRESENT, photosUnder } from "~/server/db/visibility";
import { errorLine } from "~/lib/error-text";
import { decodable } from "./decode";
import { holdExifTool, readTags, type RawTags } from "./exiftool";
import { photoMetadata } from "./metadata";
import { previewFailure } from "./preview-error";
import { makeThumbnails } from "./thumbnails";
import { walkRoot, type FoundFile } from "./walk";

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

type IndexedRow = {
  id: string;
  path: string;
  size: bigint;
  mtime: Date;
  missingSince: Date | null;
  contentHash: string | null;
  sidecarPath: string | null;
  sidecarSize: bigint | null;
  sidecarMtime: Date | null;
};

const PAGE = 10_000;

/** Every index row under `root`, read in keyset pages: one query for 100,000 rows held the
 *  driver's and Prisma's copies of all of them at once (the peak of a no-op rescan). */
async function indexedUnder(root: string): Promise<IndexedRow[]> {
  const rows: IndexedRow[] = [];
  for (;;) {
    const page = await db.photo.findMany({
      where: { ...photosUnder(root), ...(rows.length ? { id: { gt: rows.at(-1)!.id } } : {}) },
      select: { id: true, path: true, size: true, mtime: true, missingSince: true, contentHash: true, sidecarPath: true, sidecarSize: true, sidecarMtime: true },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    rows.push(...page);
    if (page.length < PAGE) return rows;
  }
}

/** The file and its sidecar are as the index last read them. */
function unchanged(row: IndexedRow, file: FoundFile) {
  const side = file.sidecar;
  return (
    Number(row.size) === file.size &&
    row.mtime.getTime() === file.mtimeMs &&
    row.sidecarPath === (side?.path ?? null) &&
    (side === null || (Number(row.sidecarSize) === side.size && row.sidecarMtime?.getTime() === side.mtimeMs))
  );
}

const CHUNK = 500;
async function inChunks(ids: string[], fn: (chunk: string[]) => Promise<unknown>) {
  for (let i = 0; i < ids.length; i += CHUNK) await fn(ids.slice(i, i + CHUNK));
}

/**
 * Scans `root` (absolute, an existing folder) into the index and returns what it did. `full`
 * re-reads every file's metadata and previews, for edits that kept size and mtime and after an
 * upgrade that reads more; otherwise only files whose size, mtime or sidecar changed are read.
 * `concurrency` files are read at once (default: the number of cores). Problems with single
 * files are logged through `ctx` and never stop the scan.
 */
export async function scanRoot(root: string, ctx: ScanContext, opts: { concurrency?: number; full?: boolean } = {}): Promise<ScanStats> {
  const release = holdExifTool();
  try {
    return await scan(root, ctx, opts);
  } finally {
    await release();
  }
}

async function scan(root: string, ctx: ScanContext, opts: { concurrency?: number; full?: boolean }): Promise<ScanStats> {
  const stats: ScanStats = { found: 0, unchanged: 0, added: 0, updated: 0, moved: 0, returned: 0, missing: 0, noPreview: 0, stopped: false };
  const { skipPatterns } = await readSiteSettings();
  ctx.log("info", `walking ${root}`);
  const files = await walkRoot(root, { skip: skipMatcher(skipPatterns), warn: (m) => ctx.log("warn", m), shouldStop: ctx.shouldStop });
  if (ctx.shouldStop()) return { ...stats, stopped: true };
  stats.found = files.length;

  const indexed = await indexedUnder(root);
  const byPath = new Map(indexed.map((r) => [r.path, r]));
  const seen = new Set<string>();
  const work: { file: FoundFile; row: IndexedRow | undefined }[] = [];
  const returning: string[] = [];
  for (const file of files) {
    seen.add(file.path);
    const row = byPath.get(file.path);
    if (row && !opts.full && unchanged(row, file)) {
      stats.unchanged++;
      if (row.missingSince) returning.push(row.id);
    } else work.push({ file, row });
  }
  await inChunks(returning, (ids) => db.photo.updateMany({ where: { id: { in: ids } }, data: { missingSince: null } }));
  stats.returned = returning.length;
  ctx.log("info", `${files.length} images found: ${stats.unchanged} unchanged, ${work.length} to read${opts.full ? " (full rescan: every file)" : ""}`);

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
      const outcome = await indexFile(file, row, realRoot, movable, movedIds, ctx, !!opts.full);
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

/** The tags of the file's XMP sidecar, or null (none, or unreadable: logged and ignored). */
async function sidecarTags(file: FoundFile, realRoot: string, ctx: ScanContext): Promise<RawTags | null> {
  if (!file.sidecar) return null;
  try {
    const real = await realpath(file.sidecar.path);
    if (!isInside(real, realRoot)) throw new Error("it now leads outside the scan root");
    const tags = await readTags(real);
    if (!Object.keys(tags).some((k) => k.startsWith("XMP"))) {
      throw new Error(typeof tags["ExifTool:Warning"] === "string" ? tags["ExifTool:Warning"] : "no XMP found in it");
    }
    return tags;
  } catch (e) {
    ctx.log("warn", `sidecar ${file.sidecar.path} could not be read: ${errorLine(e)}; ignored`);
    return null;
  }
}

async function indexFile(
  file: FoundFile,
  row: IndexedRow | undefined,
  realRoot: string,
  movable: Map<string, IndexedRow[]>,
  movedIds: Set<string>,
  ctx: ScanContext,
  full: boolean,
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
  let tags: RawTags = {};
  try {
    tags = await readTags(file.path);
  } catch (e) {
    ctx.log("warn", `no metadata from ${file.path}: ${errorLine(e)}`);
  }
  const sidecar = await sidecarTags(file, realRoot, ctx);
  let preview: { width: number | null; height: number | null; animated: boolean } = { width: null, height: null, animated: false };
  let thumbnailError: string | null = null;
  try {
    preview = await makeThumbnails(await decodable(file.decoder, file.path, buffer, tags), contentHash, { force: full });
  } catch (e) {
    thumbnailError = previewFailure(e);
    ctx.log("warn", `no preview for ${file.path}: ${thumbnailError}`);
  }
  const { keywords, ...meta } = photoMetadata({ tags, sidecar, fileName: file.fileName, mtime });
  const data = {
    path: file.path,
    directory: file.directory,
    fileName: file.fileName,
    size: BigInt(file.size),
    mtime,
    contentHash,
    mime: file.mime,
    mediaType: "photo",
    ...preview,
    ...meta,
    sidecarPath: file.sidecar?.path ?? null,
    sidecarSize: file.sidecar ? BigInt(file.sidecar.size) : null,
    sidecarMtime: file.sidecar ? new Date(file.sidecar.mtimeMs) : null,
    thumbnailState: thumbnailError ? "failed" : "ready",
    thumbnailError,
    missingSince: null,
  };
  const write = async (where: { id: string } | { path: string }, outcome: "added" | "updated" | "moved") => {
    await db.$transaction(async (tx) => {
      const photo = "id" in where ? await tx.photo.update({ where, data }) : await tx.photo.upsert({ where, create: data, update: data });
      await tx.photoKeyword.deleteMany({ where: { photoId: photo.id } });
      if (keywords.length) await tx.photoKeyword.createMany({ data: keywords.map((name) => ({ photoId: photo.id, name })) });
    });
    return outcome;
  };
  if (row) return write({ id: row.id }, "updated");
  const candidates = movable.get(contentHash);
  const moved = candidates?.shift();
  if (moved) {
    movedIds.add(moved.id);
    ctx.log("info", `moved: ${moved.path} -> ${file.path}`);
    return write({ id: moved.id }, "moved");
  }
  return write({ path: file.path }, "added");
}
