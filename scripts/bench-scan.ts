// npm run bench:scan [-- <dir>] [-- --files N] [-- --noop-files N]
// Measures the scanner against baselines run in the same script:
//   cold scan of <dir> (or a generated corpus of real-sized JPEGs with EXIF) vs sharp alone
//     making the same two thumbnails of the same files with the same parallelism;
//   no-op rescan of a tree of 100,000 files vs a plain stat walk of the same tree;
//   peak memory (max RSS) of each.
// Each phase runs in a fresh process, so one phase's memory does not count against another.
// Uses a throwaway SQLite database and STATE_DIR unless DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const parallel = os.availableParallelism();
type PhaseResult = { ms: number; maxRssMb: number; detail?: string };

// ---- phases (run in child processes) -------------------------------------------------------

async function timedPhase(fn: () => Promise<string | void>): Promise<PhaseResult> {
  const t = performance.now();
  const detail = await fn();
  return { ms: performance.now() - t, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), detail: detail ?? undefined };
}

function listImages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(jpe?g|png|webp|gif|tiff?|avif|hei[cf])$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

async function statWalk(dir: string): Promise<number> {
  let count = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) count += await statWalk(full);
    else {
      await stat(full);
      count++;
    }
  }
  return count;
}

async function runPhase(phase: string, target: string) {
  const { default: sharp } = await import("sharp");
  // loaded before any timing starts
  const { scanRoot } = await import("../src/server/scanner/scan-root");
  const { db } = await import("../src/server/db");
  await db.siteSettings.findFirst();
  const quietScan = async (root: string) => {
    const stats = await scanRoot(root, { log: () => {}, progress: () => {}, shouldStop: () => false }, { concurrency: parallel });
    return `${stats.found} found, ${stats.added} added, ${stats.unchanged} unchanged`;
  };
  let result: PhaseResult;
  if (phase === "corpus") {
    const n = Number(option("--files"));
    result = await timedPhase(async () => {
      mkdirSync(target, { recursive: true });
      for (let i = 0; i < n; i++) {
        const noise = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 60 } } }).png().toBuffer();
        await sharp(noise)
          .resize(4000, 3000, { kernel: "nearest" })
          .withExif({
            IFD0: { Make: "Bench", Model: "Corpus 1", DateTime: "2024:05:06 07:08:09" },
            IFD2: { DateTimeOriginal: `2024:05:06 07:${String(i % 60).padStart(2, "0")}:00`, OffsetTimeOriginal: "+01:00", ExposureTime: "1/125" },
          })
          .jpeg({ quality: 88 })
          .toFile(path.join(target, `corpus-${String(i).padStart(4, "0")}.jpg`));
      }
    });
  } else if (phase === "baseline") {
    // sharp alone: the same two thumbnails of the same files, with the same parallelism
    const { THUMB_SIZES } = await import("../src/server/scanner/thumbnails");
    const files = listImages(target);
    const out = mkdtempSync(path.join(os.tmpdir(), "folio-bench-out-"));
    result = await timedPhase(async () => {
      let next = 0;
      const worker = async () => {
        while (next < files.length) {
          const i = next++;
          const buffer = await readFile(files[i]!);
          const big = await sharp(buffer).rotate().resize(THUMB_SIZES.large, THUMB_SIZES.large, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
          const small = await sharp(big).resize(THUMB_SIZES.small, THUMB_SIZES.small, { fit: "inside", withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
          await writeFile(path.join(out, `${i}-l.webp`), big);
          await writeFile(path.join(out, `${i}-s.webp`), small);
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
    });
    rmSync(out, { recursive: true, force: true });
  } else if (phase === "scan") {
    result = await timedPhase(() => quietScan(target));
  } else if (phase === "seed") {
    // index a tree as a finished scan would have left it
    const files = listImages(target);
    result = await timedPhase(async () => {
      for (let i = 0; i < files.length; i += 5000) {
        const data = files.slice(i, i + 5000).map((file) => {
          const st = statSync(file);
          return { path: file, directory: path.dirname(file), fileName: path.basename(file), size: BigInt(st.size), mtime: new Date(Math.floor(st.mtimeMs)), mime: "image/jpeg", thumbnailState: "ready", contentHash: "bench" };
        });
        await db.photo.createMany({ data });
      }
    });
  } else if (phase === "statwalk") {
    result = await timedPhase(async () => `${await statWalk(target)} files`);
  } else throw new Error(`unknown phase ${phase}`);
  console.log(JSON.stringify(result));
  process.exit(0);
}

// ---- the orchestrating run ------------------------------------------------------------------

async function main() {
  const givenDir = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  const corpusFiles = Number(option("--files") ?? 120);
  const noopFiles = Number(option("--noop-files") ?? 100_000);
  const work = mkdtempSync(path.join(os.tmpdir(), "folio-bench-"));
  const env = {
    ...process.env,
    STATE_DIR: path.join(work, "state"),
    LIBRARY_ROOT: "/",
    DATABASE_URL: process.env.DATABASE_URL || `file:${path.join(work, "bench.db")}`,
  };
  const phase = (name: string, target: string, extra: string[] = []): PhaseResult => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench-scan.ts", "--phase", name, "--target", target, ...extra], {
      env,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`phase ${name} failed:\n${run.stderr}`);
    return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as PhaseResult;
  };
  const s = (r: PhaseResult) => `${(r.ms / 1000).toFixed(2)} s`;
  try {
    const { applyMigrations } = await import("../src/server/db/migrate");
    applyMigrations(env.DATABASE_URL);
    console.log(`Folio scan benchmark: ${parallel} in parallel, ${env.DATABASE_URL.startsWith("file:") ? "throwaway SQLite" : "DATABASE_URL"}`);

    const corpus = givenDir ? path.resolve(givenDir) : path.join(work, "corpus");
    if (!givenDir) console.log(`generated ${corpusFiles} JPEGs of 4000x3000 with EXIF in ${s(phase("corpus", corpus, ["--files", String(corpusFiles)]))}`);
    for (const f of listImages(corpus)) await readFile(f); // both runs start with the files cached
    const baseline = phase("baseline", corpus);
    const cold = phase("scan", corpus);
    console.log(`cold scan (${cold.detail}): ${s(cold)}, max RSS ${cold.maxRssMb} MB`);
    console.log(`sharp alone, same thumbnails:  ${s(baseline)}, max RSS ${baseline.maxRssMb} MB`);
    console.log(`  ratio ${(cold.ms / baseline.ms).toFixed(2)}x (target <= 1.2x)`);

    const tree = path.join(work, "tree");
    // hard links keep 100,000 files cheap; a file takes at most 65,000 links, so rotate sources
    const sources = listImages(corpus);
    for (let i = 0; i < noopFiles; i++) {
      const dir = path.join(tree, `d${String(Math.floor(i / 1000)).padStart(3, "0")}`);
      if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
      linkSync(sources[i % sources.length]!, path.join(dir, `f${String(i).padStart(6, "0")}.jpg`));
    }
    phase("seed", tree);
    const walk = phase("statwalk", tree);
    const noop = phase("scan", tree);
    console.log(`no-op rescan (${noop.detail}): ${s(noop)}, max RSS ${noop.maxRssMb} MB`);
    console.log(`plain stat walk (${walk.detail}):  ${s(walk)}, max RSS ${walk.maxRssMb} MB`);
    console.log(`  ratio ${(noop.ms / walk.ms).toFixed(2)}x (target <= 3x); peak memory target < 400 MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const phaseName = option("--phase");
if (phaseName) await runPhase(phaseName, option("--target")!);
else await main();
