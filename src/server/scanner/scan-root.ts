// One scan of one root: walk, compare with the index, read and preview what is new or changed
// (the file, or only its XMP sidecar; everything in a full rescan), follow moves by content, and
// mark what vanished as missing. Safe to kill at any moment: each file's row is written only
// after its thumbnails, so a rerun redoes exactly what was lost.
import { lstat, realpath } from "node:fs/promises";
import os from "node:os";
import { skipMatcher } from "~/lib/glob";
import { plural, pluralWord } from "~/lib/plural";
import { db } from "~/server/db";
import { readSiteSettings } from "~/server/db/site-settings";
import { foldersUnder, PRESENT, photosUnder } from "~/server/db/visibility";
import { errorLine } from "~/lib/error-text";
import { decodable } from "./decode";
import { holdExifTool, readTags, type RawTags } from "./exiftool";
import { openInsideRoot, sweepScratch, type OpenedFile } from "./open-file";
import { photoMetadata } from "./metadata";
import { previewFailure } from "./preview-error";
import { readFailure } from "./readability";
import { makeThumbnails, thumbnailsExist } from "./thumbnails";
import { motionFields, NO_MOTION, videoFields } from "./video-fields";
import { VideoToolMissing } from "./ffmpeg-tools";
import { posterFrame, probeVideo, VideoToolCrashed, type VideoProbe } from "./video-probe";
import { walkFolders, type FoundFile, type FoundFolder, type FoundSidecar } from "./walk";
import { forgetListings, listedUnder, listingFingerprint, storedListings, storeListings, type Listing } from "./folder-listing";
import { writePhotoSearch } from "./search-words";

export type ScanContext = {
  log: (level: "info" | "warn" | "error", message: string) => void;
  /** a scan: files indexed of files found; video conversions: seconds of video done of all */
  progress: (done: number, total: number) => void;
  /** true once the job is cancelled or another worker took it over */
  shouldStop: () => boolean;
  /** the folders whose rows this scan changed (added, re-read, moved in or out, back, missing),
   *  told as it goes: the folder summary is refreshed for these alone */
  changed?: (directories: Iterable<string>) => void;
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
  /** present files under the root that could not be read at all (readability.ts) */
  unreadable: number;
  stopped: boolean;
};

type IndexedRow = {
  id: string;
  updatedAt: Date;
  takenAtSource: string | null;
  path: string;
  directory: string;
  size: bigint;
  mtime: Date;
  missingSince: Date | null;
  contentHash: string | null;
  sidecarPath: string | null;
  sidecarSize: bigint | null;
  sidecarMtime: Date | null;
  scannerVersion: number;
  motionPath: string | null;
  motionSize: bigint | null;
  motionMtime: Date | null;
  hasMotion: boolean;
  motionKind: string | null;
  unreadableSince: Date | null;
};

/** What this scanner reads: 1 dates with their sources (issue 13), 2 videos and motion photos.
 *  Rows written by an older one are read once more, keeping their previews. */
export const SCANNER_VERSION = 2;

const ROW_SELECT = {
  id: true,
  updatedAt: true,
  takenAtSource: true,
  path: true,
  directory: true,
  size: true,
  mtime: true,
  missingSince: true,
  contentHash: true,
  sidecarPath: true,
  sidecarSize: true,
  sidecarMtime: true,
  scannerVersion: true,
  motionPath: true,
  motionSize: true,
  motionMtime: true,
  hasMotion: true,
  motionKind: true,
  unreadableSince: true,
} as const;

/** The index rows of these folders (at most CHUNK of them), missing or not. */
const indexedIn = (directories: string[]): Promise<IndexedRow[]> => db.photo.findMany({ where: { directory: { in: directories } }, select: ROW_SELECT });

/** A companion file (sidecar, live photo video) is as the row recorded it: same path, size, mtime. */
function sameCompanion(path: string | null, size: bigint | null, mtime: Date | null, found: FoundSidecar | null) {
  return path === (found?.path ?? null) && (found === null || (Number(size) === found.size && mtime?.getTime() === found.mtimeMs));
}

/** The file, its sidecar and its live photo video are as the index last read them, by this
 *  scanner's version (rows of an older one are read again, once). */
function unchanged(row: IndexedRow, file: FoundFile) {
  return (
    row.scannerVersion >= SCANNER_VERSION &&
    Number(row.size) === file.size &&
    row.mtime.getTime() === file.mtimeMs &&
    sameCompanion(row.sidecarPath, row.sidecarSize, row.sidecarMtime, file.sidecar) &&
    sameCompanion(row.motionPath, row.motionSize, row.motionMtime, file.liveVideo)
  );
}

const CHUNK = 500;
/** How many files without preview a scan's log names at its end. */
const NO_PREVIEW_LISTED = 20;
async function inChunks(ids: string[], fn: (chunk: string[]) => Promise<unknown>) {
  for (let i = 0; i < ids.length; i += CHUNK) await fn(ids.slice(i, i + CHUNK));
}

/**
 * Scans `root` (absolute, an existing folder) into the index and returns what it did. `full`
 * re-reads every file's metadata and previews, for edits that kept size and mtime and after an
 * upgrade that reads more (`{ since }`: a resumed full rescan, which skips rows re-read since
 * that time); otherwise only files whose size, mtime or sidecar changed are read.
 * `concurrency` files are read at once (default: the number of cores). Problems with single
 * files are logged through `ctx` and never stop the scan.
 */
export type ScanOptions = {
  concurrency?: number;
  full?: boolean | { since: Date };
  /** files per batch (default BATCH_FILES); tests make it small to cross batches */
  batchFiles?: number;
};

export async function scanRoot(root: string, ctx: ScanContext, opts: ScanOptions = {}): Promise<ScanStats> {
  const release = holdExifTool();
  try {
    return await scan(root, ctx, opts);
  } finally {
    await release();
  }
}

/** How many files a batch holds at most (a folder is never split): the walk, the comparison
 *  with the index and the reading go one batch at a time, so a scan's memory follows this, not
 *  the library's size. */
export const BATCH_FILES = 2_000;

/** How many files the walk hands over at once for their folders' listings to be compared (one
 *  query per CHUNK folders): in a no-op rescan of a million files, 2,000 at a time made the
 *  queries a fifth of the time. Only the folders that changed are then read in BATCH_FILES. */
const LISTED_FILES = 20_000;

/** Folders (of the walk, or already walked) in batches of about `files` by `size` (their files,
 *  or the walk's entries before any file is made), at most CHUNK folders each (one query); a
 *  folder is never split. */
async function* batches(folders: AsyncIterable<FoundFolder> | Iterable<FoundFolder>, files: number, size: (f: FoundFolder) => number): AsyncGenerator<FoundFolder[]> {
  let batch: FoundFolder[] = [];
  let count = 0;
  for await (const folder of folders) {
    batch.push(folder);
    count += size(folder);
    if (count >= files || batch.length >= CHUNK) {
      yield batch;
      batch = [];
      count = 0;
    }
  }
  if (batch.length) yield batch;
}

/** A row whose file is gone from its path, with this content: the source of a move. Candidates
 *  are this root's rows already missing, or whose file is no longer on disk (their folder may
 *  come later in the walk, or never, when it was deleted), not yet taken by another move. */
async function moveSource(root: string, contentHash: string, taken: Set<string>): Promise<IndexedRow | undefined> {
  const candidates = await db.photo.findMany({
    where: { contentHash, ...photosUnder(root) },
    select: ROW_SELECT,
    // missing ones first (no stat needed); a few dozen copies of one content at most are looked at
    orderBy: [{ missingSince: { sort: "desc", nulls: "last" } }, { path: "asc" }],
    take: MOVE_CANDIDATES,
  });
  for (const row of candidates) {
    if (taken.has(row.id)) continue;
    if (!row.missingSince && (await lstat(row.path).then(() => true, () => false))) continue;
    if (taken.has(row.id)) continue; // taken while this one was looked at
    taken.add(row.id);
    return row;
  }
  return undefined;
}
const MOVE_CANDIDATES = 50;

async function scan(root: string, ctx: ScanContext, opts: ScanOptions): Promise<ScanStats> {
  const fullSince = typeof opts.full === "object" ? opts.full.since : null;
  const reread = (row: IndexedRow) => !!opts.full && !(fullSince && row.updatedAt >= fullSince);
  const stats: ScanStats = { found: 0, unchanged: 0, added: 0, updated: 0, moved: 0, returned: 0, missing: 0, noPreview: 0, unreadable: 0, stopped: false };
  const { skipPatterns } = await readSiteSettings();
  await sweepScratch();
  ctx.log("info", `walking ${root}`);
  // the total is what the folder summary counts until the walk finds more (a first scan: as it
  // finds them); the summary is a few hundred rows where the photos are a million
  const indexedBefore = (await db.folder.aggregate({ where: foldersUnder(root), _sum: { photoCount: true } }))._sum.photoCount ?? 0;
  // every row this scan marks missing carries this moment, so they are counted once at the end
  // (one marked missing in an early batch may be moved back by a later one)
  const at = new Date();
  const realRoot = await realpath(root);
  const parallel = Math.max(1, opts.concurrency ?? os.availableParallelism());
  const movedIds = new Set<string>();
  const walked = new Set<string>();
  const changed = (dirs: Iterable<string>) => ctx.changed?.(dirs);
  let done = 0;
  let toRead = 0;
  let liveVideoCount = 0;
  const report = () => ctx.progress(done, Math.max(indexedBefore, stats.found));

  const folders = walkFolders(root, { skip: skipMatcher(skipPatterns), warn: (m) => ctx.log("warn", m), shouldStop: ctx.shouldStop });
  for await (const listed of batches(folders, opts.batchFiles ?? LISTED_FILES, (f) => f.entries)) {
    if (ctx.shouldStop()) return { ...stats, stopped: true };
    for (const f of listed) walked.add(f.directory);
    // a folder listed as the last scan left it is unchanged as a whole: no row of it is read,
    // and none of its files is made
    const fingerprints = new Map(listed.map((f) => [f.directory, listingFingerprint(f, root, SCANNER_VERSION, skipPatterns)]));
    const stored = opts.full ? new Map<string, Listing>() : await storedListings([...fingerprints.keys()]);
    const changedFolders = listed.filter((f) => {
      const listing = stored.get(f.directory);
      if (!listing || listing.fingerprint !== fingerprints.get(f.directory)) return true;
      stats.found += listing.files;
      stats.unchanged += listing.items;
      done += listing.files;
      return false;
    });
    stats.found += changedFolders.reduce((n, f) => n + f.files.length, 0);
    report();
    for await (const open of batches(changedFolders, opts.batchFiles ?? BATCH_FILES, (f) => f.files.length)) {
      const directories = open.map((f) => f.directory);
      const files = open.flatMap((f) => f.files);
      const unsettled = new Set<string>();
      const rows = directories.length ? await indexedIn(directories) : [];
      const byPath = new Map(rows.map((r) => [r.path, r]));
      const seen = new Set<string>();
      const returning: IndexedRow[] = [];
      // which files to read; a live photo's video waits for its still, which decides the pair
      const plan = (list: FoundFile[]) => {
        const work: { file: FoundFile; row: IndexedRow | undefined }[] = [];
        for (const file of list) {
          seen.add(file.path);
          const row = byPath.get(file.path);
          if (row && !reread(row) && unchanged(row, file)) {
            stats.unchanged++;
            done++;
            if (row.missingSince) returning.push(row);
          } else work.push({ file, row });
        }
        toRead += work.length;
        return work;
      };
      const liveVideos = files.filter((f) => f.liveStill);
      liveVideoCount += liveVideos.length;
      const work = plan(files.filter((f) => !f.liveStill));
      report();
      const read = async (list: typeof work) => {
        let next = 0;
        const worker = async () => {
          while (next < list.length && !ctx.shouldStop()) {
            const { file, row } = list[next++]!;
            const outcome = await indexFile(file, row, realRoot, (hash) => moveSource(root, hash, movedIds), ctx, !!opts.full);
            if (outcome) {
              stats[outcome.outcome]++;
              changed([file.directory, ...(outcome.from ? [outcome.from.directory] : [])]);
              // marked missing by an earlier batch of this scan, then found moved: not missing after all
              if (outcome.from?.missingSince?.getTime() === at.getTime()) stats.missing--;
            }
            if (!outcome?.complete) unsettled.add(file.directory);
            done++;
            report();
          }
        };
        await Promise.all(Array.from({ length: parallel }, worker));
      };
      await read(work);
      if (ctx.shouldStop()) return { ...stats, stopped: true };

      const markReturned = async (list: IndexedRow[]) => {
        await inChunks(list.map((r) => r.id), (ids) => db.photo.updateMany({ where: { id: { in: ids } }, data: { missingSince: null } }));
        stats.returned += list.length;
        changed(list.map((r) => r.directory));
      };
      // stills back from missing hold their videos again before the pairs are looked up
      await markReturned(returning.splice(0));
      // a video its still took as its live photo motion is no item of its own (a row it had as one
      // is hidden as missing); one the still refused (other content identifier) is read as a video
      // a still not read this time holds its video as the index says; the ones just read, ask
      const justRead = new Set(work.map((w) => w.file.path));
      const paired = new Set<string>();
      const ask: string[] = [];
      for (const f of liveVideos) {
        const still = justRead.has(f.liveStill!) ? undefined : byPath.get(f.liveStill!);
        if (!still) ask.push(f.path);
        else if (still.hasMotion && still.motionKind === "live" && still.motionPath === f.path) paired.add(f.path);
      }
      for (const held of await stillsHolding(ask)) paired.add(held);
      const alone = liveVideos.filter((f) => !paired.has(f.path));
      for (const f of liveVideos) if (paired.has(f.path)) seen.add(f.path);
      done += liveVideos.length - alone.length;
      const aloneWork = plan(alone);
      report();
      await read(aloneWork);
      if (ctx.shouldStop()) return { ...stats, stopped: true };
      // videos read alone that were missing and are back
      await markReturned(returning);

      // rows of these folders whose file is gone (or became a still's motion), unless a move took them
      const gone = rows.filter((r) => !seen.has(r.path) || (paired.has(r.path) && !r.missingSince));
      const nowMissing = gone.filter((r) => !r.missingSince && !movedIds.has(r.id));
      await inChunks(nowMissing.map((r) => r.id), async (ids) => {
        stats.missing += (await db.photo.updateMany({ where: { id: { in: ids }, missingSince: null }, data: { missingSince: at } })).count;
      });
      changed(nowMissing.map((r) => r.directory));
      // what this batch found, for the next scan: the folders whose files were all indexed by
      // this scanner match it, the others are compared row by row again
      await storeListings(
        new Map(
          open.map((f) => {
            const items = f.files.filter((file) => !paired.has(file.path)).length;
            return [f.directory, { fingerprint: unsettled.has(f.directory) ? "" : fingerprints.get(f.directory)!, items, files: f.files.length }];
          }),
        ),
      );
    }
  }
  if (ctx.shouldStop()) return { ...stats, stopped: true };

  // folders a scan found before under this root that the walk did not find (deleted, renamed,
  // now skipped): everything still present in them is missing
  const vanished = (await listedUnder(root)).filter((d) => !walked.has(d));
  await inChunks(vanished, async (dirs) => {
    stats.missing += (await db.photo.updateMany({ where: { directory: { in: dirs }, missingSince: null }, data: { missingSince: at } })).count;
  });
  await inChunks(vanished, forgetListings);
  changed(vanished);
  const withStills = liveVideoCount ? `, ${plural(liveVideoCount, "live photo video")} checked with ${pluralWord(liveVideoCount, "its still", "their stills")}` : "";
  ctx.log("info", `${plural(stats.found, "file")} found: ${stats.unchanged} unchanged, ${toRead} read${withStills}${opts.full ? " (full rescan: every file)" : ""}`);
  stats.noPreview = await db.photo.count({ where: { ...photosUnder(root), ...PRESENT, thumbnailState: "failed" } });
  // unreadableSince is set exactly while readError is: its index finds the few such rows
  stats.unreadable = await db.photo.count({ where: { ...photosUnder(root), ...PRESENT, unreadableSince: { not: null } } });
  if (stats.noPreview > 0) {
    // the job row says "N files without preview: see the log": name them, earlier scans' too
    const shown = await db.photo.findMany({
      where: { ...photosUnder(root), ...PRESENT, thumbnailState: "failed" },
      select: { path: true, thumbnailError: true },
      orderBy: { path: "asc" },
      take: NO_PREVIEW_LISTED,
    });
    const more = stats.noPreview > shown.length ? ` (the first ${shown.length} of ${stats.noPreview})` : "";
    ctx.log("info", `files without preview under this folder${more}:`);
    for (const p of shown) ctx.log("info", `  ${p.path}: ${p.thumbnailError ?? "no preview"}`);
  }
  ctx.log(
    "info",
    `done: ${stats.added} new, ${stats.updated} ${opts.full ? "re-read" : "changed"}, ${stats.moved} moved, ${stats.returned} back, ${stats.missing} missing, ${stats.unchanged} unchanged`,
  );
  return stats;
}

/** The paths among `videos` that a present still holds as its live photo motion. */
async function stillsHolding(videos: string[]): Promise<Set<string>> {
  const held = new Set<string>();
  for (let i = 0; i < videos.length; i += CHUNK) {
    const rows = await db.photo.findMany({
      where: { motionPath: { in: videos.slice(i, i + CHUNK) }, motionKind: "live", hasMotion: true, missingSince: null },
      select: { motionPath: true },
    });
    for (const r of rows) if (r.motionPath) held.add(r.motionPath);
  }
  return held;
}

/** The tags of the file's XMP sidecar, or null (none, or unreadable: logged and ignored). */
async function sidecarTags(file: FoundFile, realRoot: string, ctx: ScanContext): Promise<RawTags | null> {
  if (!file.sidecar) return null;
  let opened: OpenedFile | null = null;
  try {
    opened = await openInsideRoot(file.sidecar.path, realRoot);
    const tags = await readTags(opened.alias);
    if (!Object.keys(tags).some((k) => k.startsWith("XMP"))) {
      throw new Error(typeof tags["ExifTool:Warning"] === "string" ? tags["ExifTool:Warning"] : "no XMP found in it");
    }
    return tags;
  } catch (e) {
    ctx.log("warn", `sidecar ${file.sidecar.path} could not be read: ${(e as NodeJS.ErrnoException).code === "EOUTSIDE" ? "it now leads outside the scan root" : errorLine(e)}; ignored`);
    return null;
  } finally {
    await opened?.close();
  }
}

/** What indexing one file did: a move also gives the row it took (as it was); `complete` when
 *  this scanner read all of it (not when ffmpeg or ffprobe was missing or crashed). */
type Indexed = { outcome: "added" | "updated" | "moved"; from?: IndexedRow; complete: boolean };

type Preview = { width: number | null; height: number | null; animated: boolean };

/** The previews of a row being re-read for its metadata alone (its sidecar changed, or it
 *  moved): same content, previews on disk, so nothing is decoded again. */
async function keptPreview(rowId: string | undefined, contentHash: string): Promise<Preview | null> {
  if (!rowId) return null;
  const before = await db.photo.findUnique({ where: { id: rowId }, select: { contentHash: true, thumbnailState: true, width: true, height: true, animated: true } });
  if (before?.contentHash !== contentHash || before.thumbnailState !== "ready" || !(await thumbnailsExist(contentHash))) return null;
  return { width: before.width, height: before.height, animated: before.animated };
}

/** Indexes one file; a problem with it is logged and skipped, never the end of the scan. */
async function indexFile(...args: Parameters<typeof indexOpenedFile>): Promise<Indexed | null> {
  try {
    return await indexOpenedFile(...args);
  } catch (e) {
    const [file, , , , ctx] = args;
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "EOUTSIDE" ? "it now leads outside the scan root" : (code ?? errorLine(e));
    ctx.log("warn", `cannot index ${file.path}: ${reason}; skipped`);
    return null;
  }
}

async function indexOpenedFile(
  file: FoundFile,
  row: IndexedRow | undefined,
  realRoot: string,
  findMove: (contentHash: string) => Promise<IndexedRow | undefined>,
  ctx: ScanContext,
  full: boolean,
): Promise<Indexed> {
  const opened = await openInsideRoot(file.path, realRoot);
  try {
    const isVideo = file.decoder === "video";
    // three readers of the same open file, at once: most of their time is waiting on a process
    const probing = isVideo ? probeVideo(opened.alias).then((p) => ({ probe: p }), (e: unknown) => ({ error: e })) : null;
    // a video's poster frame is taken while the file is hashed, unless only a companion changed
    // (same bytes: the previews are kept); the frame is most of a video's cost
    const sameBytes = !full && !!row && Number(row.size) === file.size && row.mtime.getTime() === file.mtimeMs;
    const posterEarly = probing && !sameBytes ? probing.then((r) => ("probe" in r ? posterFrame(opened.alias, r.probe.durationMs) : null)) : null;
    posterEarly?.catch(() => {}); // awaited below when used; its error is reported there
    const [contentHash, tagsRead, probed] = await Promise.all([
      opened.sha256(),
      readTags(opened.alias).then(
        (t) => ({ tags: t }),
        (e: unknown) => ({ error: e }),
      ),
      probing,
    ]);
    const moved = row ? undefined : await findMove(contentHash);
    const target = row ?? moved;
    const mtime = new Date(file.mtimeMs);
    let tags: RawTags = {};
    if ("tags" in tagsRead) tags = tagsRead.tags;
    else ctx.log("warn", `no metadata from ${file.path}: ${errorLine(tagsRead.error)}`);
    const sidecar = await sidecarTags(file, realRoot, ctx);
    let probe: VideoProbe | null = null;
    let thumbnailError: string | null = null;
    // no ffmpeg or ffprobe here (yet), or it crashed: the file is read again by the next scan
    let toolMissing = false;
    if (probed && "probe" in probed) probe = probed.probe;
    else if (probed) {
      toolMissing = probed.error instanceof VideoToolMissing || probed.error instanceof VideoToolCrashed;
      thumbnailError = `ffprobe could not read it: ${errorLine(probed.error)}`;
      ctx.log("warn", `no preview for ${file.path}: ${thumbnailError}`);
    }
    let preview: Preview = { width: null, height: null, animated: false };
    const kept = full ? null : await keptPreview(target?.id, contentHash);
    if (kept) preview = kept;
    else if (!isVideo || probe) {
      try {
        const poster = probe ? ((await posterEarly) ?? (await posterFrame(opened.alias, probe.durationMs))) : null;
        const source = poster ? { input: poster, orientation: null } : await decodable(file.decoder, opened, tags);
        preview = await makeThumbnails(source, contentHash, { force: full });
      } catch (e) {
        toolMissing ||= e instanceof VideoToolMissing || e instanceof VideoToolCrashed;
        thumbnailError = previewFailure(e);
        ctx.log("warn", `no preview for ${file.path}: ${thumbnailError}`);
      }
    }
    // a video's size is its stream's (the poster is scaled down)
    if (probe) preview = { width: probe.width, height: probe.height, animated: false };
    const { motionDurationMs, ...motion } = isVideo
      ? NO_MOTION
      : await motionFields(file, opened, tags, realRoot, ctx.log).catch((e: unknown) => {
          if (!(e instanceof VideoToolMissing || e instanceof VideoToolCrashed)) throw e;
          toolMissing = true;
          ctx.log("warn", `the motion of ${file.path} is not read for now: ${errorLine(e)}`);
          return NO_MOTION;
        });
    const video = videoFields(probe, file.fileName);
    const { keywords, ...meta } = photoMetadata({ tags, sidecar, fileName: file.fileName, mtime });
    const readError = readFailure({ size: file.size, decoder: file.decoder, tags, previewError: thumbnailError, toolMissing, probed: !!probe });
    if (readError) ctx.log("warn", `could not read ${file.path}: ${readError}; it is not shown until it reads`);
    const data = {
      path: file.path,
      directory: file.directory,
      fileName: file.fileName,
      size: BigInt(file.size),
      mtime,
      contentHash,
      mime: file.mime,
      mediaType: isVideo ? "video" : "photo",
      ...preview,
      ...meta,
      ...video,
      ...motion,
      durationMs: video.durationMs ?? motionDurationMs,
      scannerVersion: toolMissing ? 0 : SCANNER_VERSION,
      sidecarPath: file.sidecar?.path ?? null,
      sidecarSize: file.sidecar ? BigInt(file.sidecar.size) : null,
      sidecarMtime: file.sidecar ? new Date(file.sidecar.mtimeMs) : null,
      thumbnailState: thumbnailError ? "failed" : "ready",
      thumbnailError,
      readError,
      // kept from the first scan that found it unreadable for as long as it stays so
      unreadableSince: readError ? (target?.unreadableSince ?? new Date()) : null,
      missingSince: null,
    };
    const write = async (where: { id: string } | { path: string }, outcome: Indexed["outcome"]): Promise<Indexed> => {
      await db.$transaction(async (tx) => {
        const photo = "id" in where ? await tx.photo.update({ where, data }) : await tx.photo.upsert({ where, create: data, update: data });
        await tx.photoKeyword.deleteMany({ where: { photoId: photo.id } });
        if (keywords.length) await tx.photoKeyword.createMany({ data: keywords.map((name) => ({ photoId: photo.id, name })) });
        await writePhotoSearch(tx, photo, keywords);
      });
      return { outcome, from: moved, complete: !toolMissing };
    };
    if (row) return await write({ id: row.id }, "updated");
    if (moved) {
      ctx.log("info", `moved: ${moved.path} -> ${file.path}`);
      return await write({ id: moved.id }, "moved");
    }
    return await write({ path: file.path }, "added");
  } finally {
    await opened.close();
  }
}
