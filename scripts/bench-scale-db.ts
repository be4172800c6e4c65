// Helper of bench-scale.ts, run with its environment (DATABASE_URL, STATE_DIR, LIBRARY_ROOT):
//   bench-scale-db.ts seed <photos>          migrate, then a row per file of the tree as a finished
//                                            scan leaves it (path, size, mtime, content hash,
//                                            previews made once per source into STATE_DIR, this
//                                            scanner's version), the search words, the planner
//                                            statistics, the folder summary and the folder
//                                            listings; users "bench"
//                                            (admin, the root) and "subtree" (a500: 1/1,000)
//   bench-scale-db.ts enqueue <photos>       queue a scan of the root; prints the job's id
//   bench-scale-db.ts wait <job id>          until the job ends; prints it as JSON
//   bench-scale-db.ts incremental <photos>   rewrites 100 files, scans the root collecting the
//                                            folders it changed, then times the folder summary of
//                                            those and the planner statistics when the worker would
//                                            refresh them (statisticsDue); prints JSON
// Every mode prints its result as the last line, one JSON object.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import os from "node:os";
import { hashPassword } from "../src/server/auth/password";
import { db } from "../src/server/db";
import { refreshFolderSummary, refreshFolderSummaryOf } from "../src/server/db/folder-summary";
import { refreshPlannerStatistics, statisticsDue } from "../src/server/db/maintenance";
import { skipMatcher } from "../src/lib/glob";
import { readSiteSettings } from "../src/server/db/site-settings";
import { listingFingerprint, storeListings, type Listing } from "../src/server/scanner/folder-listing";
import { walkFolders } from "../src/server/scanner/walk";
import { applyMigrations } from "../src/server/db/migrate";
import { enqueueScan } from "../src/server/jobs/queue";
import { scanRoot, SCANNER_VERSION } from "../src/server/scanner/scan-root";
import { makeThumbnails } from "../src/server/scanner/thumbnails";
import { backfillSearchWords } from "../src/server/services/search";
import { insertRows, type BulkRow } from "../src/server/db/bulk-insert";
import { inlineWords, photoWords } from "../src/server/scanner/search-words";
import { changeFiles, subtreeRoot, treeFile, treeOf, type Tree } from "./lib/bench-tree";

const BATCH = 5_000;
const YEARS_MS = 20 * 365.25 * 86_400_000;
const seconds = (t: number) => Number(((performance.now() - t) / 1000).toFixed(2));
const quiet = () => {};

async function seed(tree: Tree) {
  applyMigrations();
  const t0 = performance.now();
  // each source once: its content hash and previews, as a scan would have made them
  const sources = new Map<string, { size: bigint; mtime: Date; contentHash: string; width: number | null; height: number | null }>();
  for (const s of tree.sources) {
    const st = statSync(s.path);
    const contentHash = createHash("sha256").update(readFileSync(s.path)).digest("hex");
    const { width, height } = await makeThumbnails({ input: s.path, orientation: "exif" }, contentHash);
    sources.set(s.path, { size: BigInt(st.size), mtime: new Date(Math.floor(st.mtimeMs)), contentHash, width, height });
  }
  const password = await hashPassword("bench-password");
  await db.user.create({ data: { username: "bench", email: "bench@bench.test", passwordHash: password, isAdmin: true, scanPaths: { create: { path: tree.root } } } });
  await db.user.create({ data: { username: "subtree", email: "subtree@bench.test", passwordHash: password, scanPaths: { create: { path: subtreeRoot(tree) } } } });
  const start = Date.UTC(2005, 0, 1);
  const now = new Date();
  for (let i = 0; i < tree.files; i += BATCH) {
    const photos: BulkRow[] = [];
    const words: BulkRow[] = [];
    for (let j = i; j < Math.min(tree.files, i + BATCH); j++) {
      const f = treeFile(tree, j);
      const s = sources.get(f.source.path)!;
      // spread over 20 years, not in path order
      const takenAt = new Date(start + Math.floor((((j * 7919) % tree.files) / tree.files) * YEARS_MS));
      const id = `seed${String(j).padStart(8, "0")}`;
      const row = { id, path: f.path, directory: f.directory, fileName: f.fileName, cameraMake: f.source.make, cameraModel: f.source.model };
      // the words a scan writes with each row (scanner/search-words.ts), in PhotoSearch and on the row
      const text = photoWords({ ...row, title: null, description: null, lens: null }, []);
      photos.push({
        ...row,
        searchWords: inlineWords(text),
        size: s.size,
        mtime: s.mtime,
        contentHash: s.contentHash,
        mime: "image/jpeg",
        mediaType: "photo",
        width: s.width,
        height: s.height,
        takenAt,
        takenAtLocal: takenAt.toISOString().slice(0, 19),
        takenAtOffset: 0,
        takenAtSource: "exif",
        thumbnailState: "ready",
        scannerVersion: SCANNER_VERSION,
        indexedAt: now,
        updatedAt: now,
      });
      words.push({ photoId: id, words: text });
    }
    await insertRows("Photo", photos);
    await insertRows("PhotoSearch", words);
  }
  const rows = seconds(t0);
  // nothing is left to do, as after a scan; it must find so (a row without words would be a bug)
  const t1 = performance.now();
  const backfill = await backfillSearchWords();
  const search = seconds(t1);
  const t2 = performance.now();
  // statistics first: PostgreSQL without them (its autovacuum off here) took 250 s instead of a
  // few for the summary of a million photos; then again, for the summary tables, as a scan
  // leaves them
  await refreshPlannerStatistics();
  await refreshFolderSummary(tree.root);
  await refreshPlannerStatistics();
  const summary = seconds(t2);
  // the folder listings a finished scan leaves (scanner/folder-listing.ts), from a walk of the tree
  const t3 = performance.now();
  let listings = new Map<string, Listing>();
  const { skipPatterns } = await readSiteSettings();
  for await (const folder of walkFolders(tree.root, { skip: skipMatcher(skipPatterns), warn: quiet })) {
    const files = folder.files.length;
    listings.set(folder.directory, { fingerprint: listingFingerprint(folder, tree.root, SCANNER_VERSION, skipPatterns), items: files, files });
    if (listings.size >= 500) {
      await storeListings(listings);
      listings = new Map();
    }
  }
  await storeListings(listings);
  const listed = seconds(t3);
  return { photos: tree.files, rowsSeconds: rows, searchWordsSeconds: search, searchWordsBackfilled: backfill.photos, statisticsAndSummarySeconds: summary, listingsSeconds: listed, seconds: seconds(t0) };
}

async function wait(id: string) {
  for (;;) {
    const job = await db.job.findUniqueOrThrow({ where: { id }, select: { status: true, startedAt: true, finishedAt: true, stats: true, error: true } });
    if (job.status !== "queued" && job.status !== "running") {
      const ms = job.finishedAt && job.startedAt ? job.finishedAt.getTime() - job.startedAt.getTime() : null;
      return { status: job.status, seconds: ms === null ? null : ms / 1000, stats: job.stats, error: job.error };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function incremental(tree: Tree) {
  changeFiles(tree);
  await db.siteSettings.findFirst(); // connected before the clock starts
  const folders = new Set<string>();
  const t0 = performance.now();
  const stats = await scanRoot(tree.root, { log: quiet, progress: quiet, shouldStop: () => false, changed: (dirs) => {
        for (const d of dirs) folders.add(d);
      },
    }, { concurrency: os.availableParallelism() });
  const scan = seconds(t0);
  const t1 = performance.now();
  await refreshFolderSummaryOf(folders);
  const summary = seconds(t1);
  // as the worker does: new statistics only when the scan changed enough of its root
  const due = statisticsDue(stats.added + stats.updated + stats.moved + stats.returned + stats.missing, stats.found);
  const t2 = performance.now();
  if (due) await refreshPlannerStatistics();
  const statistics = seconds(t2);
  return { scanSeconds: scan, folders: folders.size, updated: stats.updated, added: stats.added, unchanged: stats.unchanged, summarySeconds: summary, statisticsDue: due, statisticsSeconds: statistics, seconds: Number((summary + statistics).toFixed(2)) };
}

const [mode, arg] = process.argv.slice(2);
const tree = async () => treeOf(Number(arg));
let result: unknown;
if (mode === "seed") result = await seed(await tree());
else if (mode === "enqueue") result = await enqueueScan({ root: (await tree()).root });
else if (mode === "wait") result = await wait(arg!);
else if (mode === "incremental") result = await incremental(await tree());
else throw new Error(`unknown mode ${mode}`);
console.log(JSON.stringify(result));
await db.$disconnect();
