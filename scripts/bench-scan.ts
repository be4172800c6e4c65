// npm run bench:scan [-- <dir>] [-- --files N] [-- --noop-files N] [-- --phases corpus,noop,phone,video]
//                    [-- --phone-heic N] [-- --phone-jpeg N] [-- --phone-raw N]
//                    [-- --video-h264 N] [-- --video-hevc N] [-- --video-noop-files N]
// Measures the scanner against baselines run in the same script:
//   cold scan of <dir> (or a generated corpus of real-sized JPEGs with EXIF) vs sharp alone
//     making the same two thumbnails of the same files with the same parallelism;
//   no-op rescan of a tree of 100,000 files vs a plain stat walk of the same tree;
//   "phone": a library of 12 MP HEIC (512 px grids, as iPhones write them), 12 MP JPEGs with EXIF
//     and DNGs with a 12 MP JPEG preview (and XMP sidecars), each kind cold-scanned on its own
//     vs Debian's native tools making the same two previews with the same parallelism
//     (heif-convert then vipsthumbnail; vipsthumbnail; exiftool then vipsthumbnail), then a
//     no-op rescan of it; the library is made by tests/support/media.ts with Debian's tools
//     and kept under the temporary folder, keyed by its parameters, for the next run;
//   "video" (bench-video.ts): clips of 10 s at 1080p (10 H.264 .mp4, 10 HEVC .MOV by default, made
//     by tests/support/video.ts and cached like the phone library) cold-scanned vs ffprobe plus
//     one ffmpeg frame per file (target <= 1.3x); their renditions in seconds of video per second
//     vs plain ffmpeg with the same arguments; a no-op rescan of 20,000 files, half of them
//     videos (live photo pairs, MP4s), vs one of as many JPEGs (target ~1.0x);
//   peak memory (max RSS) of each.
// Each phase runs in a fresh process, so one phase's memory does not count against another.
// Uses a throwaway SQLite database and STATE_DIR unless DATABASE_URL is set.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { runVideoChildPhase, videoPhase } from "./bench-video";

const exec = promisify(execFile);
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
    .filter((e) => e.isFile() && /\.(jpe?g|png|webp|gif|tiff?|avif|hei[cf]|dng)$/i.test(e.name))
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
    // read loosely: the scanner's statistics may grow new fields
    const noPreview = (stats as unknown as Record<string, unknown>).noPreview;
    const other = (["updated", "moved", "missing"] as const).filter((k) => stats[k]).map((k) => `, ${stats[k]} ${k}`);
    return `${stats.found} found, ${stats.added} added, ${stats.unchanged} unchanged${other.join("")}${typeof noPreview === "number" ? `, ${noPreview} without preview` : ""}`;
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
    const { THUMB_SIZES, WEBP_EFFORT } = await import("../src/server/scanner/thumbnails");
    const files = listImages(target);
    const out = mkdtempSync(path.join(os.tmpdir(), "folio-bench-out-"));
    result = await timedPhase(async () => {
      let next = 0;
      const worker = async () => {
        while (next < files.length) {
          const i = next++;
          const buffer = await readFile(files[i]!);
          const big = await sharp(buffer).rotate().resize(THUMB_SIZES.large, THUMB_SIZES.large, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80, effort: WEBP_EFFORT }).toBuffer();
          const small = await sharp(big).resize(THUMB_SIZES.small, THUMB_SIZES.small, { fit: "inside", withoutEnlargement: true }).webp({ quality: 75, effort: WEBP_EFFORT }).toBuffer();
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
    const { SCANNER_VERSION } = await import("../src/server/scanner/scan-root");
    const files = listImages(target);
    result = await timedPhase(async () => {
      for (let i = 0; i < files.length; i += 5000) {
        const data = files.slice(i, i + 5000).map((file) => {
          const st = statSync(file);
          return { path: file, directory: path.dirname(file), fileName: path.basename(file), size: BigInt(st.size), mtime: new Date(Math.floor(st.mtimeMs)), mime: "image/jpeg", thumbnailState: "ready", contentHash: "bench", takenAtSource: "file", scannerVersion: SCANNER_VERSION };
        });
        await db.photo.createMany({ data });
      }
    });
  } else if (phase === "native") {
    // Debian's tools making the same two previews (1280 px, then 256 px from it, WebP) of every
    // file of one kind, with the same parallelism as the scan
    const kind = option("--kind") as PhoneKind;
    const files = listImages(target);
    const out = mkdtempSync(path.join(os.tmpdir(), "folio-bench-native-"));
    result = await timedPhase(async () => {
      let sources = files;
      if (kind === "raw") {
        // one exiftool run for all (as a long-lived exiftool-vendored would), previews to files
        await exec("exiftool", ["-q", "-b", "-PreviewImage", "-w", `${out}/%f-preview.jpg`, ...files], { maxBuffer: 64 * 1024 * 1024 });
        sources = files.map((f) => path.join(out, `${path.parse(f).name}-preview.jpg`));
      }
      let next = 0;
      const worker = async () => {
        while (next < sources.length) {
          const i = next++;
          let input = sources[i]!;
          if (kind === "heic") {
            await exec("heif-convert", ["-q", "90", input, path.join(out, `${i}.jpg`)]);
            input = path.join(out, `${i}.jpg`);
          }
          // the scanner's WebP effort (thumbnails.ts WEBP_EFFORT: 2)
          await exec("vipsthumbnail", [input, "-s", "1280", "-o", `${path.join(out, `${i}-l.webp`)}[Q=80,effort=2]`]);
          await exec("vipsthumbnail", [path.join(out, `${i}-l.webp`), "-s", "256", "-o", `${path.join(out, `${i}-s.webp`)}[Q=75,effort=2]`]);
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      return `${files.length} files`;
    });
    rmSync(out, { recursive: true, force: true });
  } else if (phase === "statwalk") {
    result = await timedPhase(async () => `${await statWalk(target)} files`);
  } else result = await runVideoChildPhase(phase, target, { option, timed: timedPhase, parallel });
  console.log(JSON.stringify(result));
  process.exit(0);
}

// ---- the phone library ----------------------------------------------------------------------

type PhoneKind = "heic" | "jpeg" | "raw";
const PHONE = { width: 4032, height: 3024, tile: 512 };

/** The folder of the phone library for these counts, under the temporary folder; files already
 *  there are kept (a file appears only once complete), so a re-run makes only what is missing. */
async function phoneLibrary(counts: Record<PhoneKind, number>): Promise<{ root: string; made: number; ms: number }> {
  const media = await import("../tests/support/media");
  const { width, height } = PHONE;
  const root = path.join(os.tmpdir(), `folio-bench-phone-v1-${width}x${height}-heic${counts.heic}-jpeg${counts.jpeg}-raw${counts.raw}`);
  const staging = path.join(root, ".staging");
  const started = performance.now();
  let made = 0;
  const make = async (kind: PhoneKind, name: string, write: (file: string) => Promise<unknown>) => {
    const final = path.join(root, kind, name);
    if (existsSync(final)) return final;
    mkdirSync(staging, { recursive: true });
    mkdirSync(path.dirname(final), { recursive: true });
    const temp = path.join(staging, name);
    await write(temp);
    renameSync(temp, final);
    made++;
    return final;
  };
  const when = (i: number) => `2024:07:${String(1 + (i % 28)).padStart(2, "0")} ${String(8 + (i % 12)).padStart(2, "0")}:15:00`;
  for (let i = 0; i < counts.heic; i++) {
    // as an iPhone writes them: 512 px tiles joined by a grid, EXIF with the offset
    await make("heic", `IMG_${1000 + i}.HEIC`, (f) =>
      media.writeHeic(f, {
        width,
        height,
        noise: true,
        seed: i,
        grid: { tileWidth: PHONE.tile, tileHeight: PHONE.tile },
        quality: 50,
        preset: "medium",
        tags: { Make: "Apple", Model: "iPhone 15", DateTimeOriginal: when(i), OffsetTimeOriginal: "+02:00", "XMP:Subject": ["bench"] },
      }),
    );
  }
  for (let i = 0; i < counts.jpeg; i++) {
    await make("jpeg", `IMG_${2000 + i}.JPG`, (f) =>
      media.writeJpeg(f, {
        width,
        height,
        noise: true,
        seed: 100 + i,
        quality: 90,
        tags: { Make: "Google", Model: "Pixel 8", DateTimeOriginal: when(i), OffsetTimeOriginal: "-05:00", "IPTC:Keywords": ["bench"], GPSDateStamp: "2024:07:01", GPSTimeStamp: "12:00:00" },
      }),
    );
  }
  for (let i = 0; i < counts.raw; i++) {
    const dng = await make("raw", `DSC_${3000 + i}.DNG`, (f) =>
      media.writeDng(f, { width, height, preview: { width, height, noise: true, seed: 200 + i }, orientation: i % 2 ? 6 : 1, make: "Folio", model: "Bench DNG", tags: { DateTimeOriginal: when(i) } }),
    );
    // darktable-style sidecars beside the RAWs
    const xmp = media.sidecarPath(dng);
    if (!existsSync(xmp)) media.writeSidecar(xmp, { rating: 1 + (i % 5), keywords: ["bench", "raw"], hierarchicalKeywords: [["Bench", "RAW"]] });
  }
  rmSync(staging, { recursive: true, force: true });
  return { root, made, ms: performance.now() - started };
}

/** Which Debian package gives each missing command of the native baseline of a kind. */
function missingBaseline(kind: PhoneKind): string[] {
  const needs: Record<PhoneKind, [string, string][]> = {
    heic: [
      ["heif-convert", "libheif-examples"],
      ["vipsthumbnail", "libvips-tools"],
    ],
    jpeg: [["vipsthumbnail", "libvips-tools"]],
    raw: [
      ["exiftool", "libimage-exiftool-perl"],
      ["vipsthumbnail", "libvips-tools"],
    ],
  };
  return needs[kind].filter(([cmd]) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status !== 0).map(([cmd, pkg]) => `${cmd} (apt-get install ${pkg})`);
}

// ---- the orchestrating run ------------------------------------------------------------------

async function main() {
  const givenDir = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  const corpusFiles = Number(option("--files") ?? 120);
  const noopFiles = Number(option("--noop-files") ?? 100_000);
  const phases = new Set((option("--phases") ?? "corpus,noop,phone,video").split(","));
  const phoneCounts: Record<PhoneKind, number> = {
    heic: Number(option("--phone-heic") ?? 6),
    jpeg: Number(option("--phone-jpeg") ?? 12),
    raw: Number(option("--phone-raw") ?? 6),
  };
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

    if (phases.has("corpus") || phases.has("noop")) {
      const corpus = givenDir ? path.resolve(givenDir) : path.join(work, "corpus");
      if (!givenDir) console.log(`generated ${corpusFiles} JPEGs of 4000x3000 with EXIF in ${s(phase("corpus", corpus, ["--files", String(corpusFiles)]))}`);
      if (phases.has("corpus")) {
        for (const f of listImages(corpus)) await readFile(f); // both runs start with the files cached
        const baseline = phase("baseline", corpus);
        const cold = phase("scan", corpus);
        console.log(`cold scan (${cold.detail}): ${s(cold)}, max RSS ${cold.maxRssMb} MB`);
        console.log(`sharp alone, same thumbnails:  ${s(baseline)}, max RSS ${baseline.maxRssMb} MB`);
        console.log(`  ratio ${(cold.ms / baseline.ms).toFixed(2)}x (target <= 1.2x)`);
      }
      if (phases.has("noop")) {
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
      }
    }
    if (phases.has("phone")) await phonePhase(phase, phoneCounts);
    if (phases.has("video")) {
      const count = (name: string, fallback: number) => Number(option(name) ?? fallback);
      await videoPhase(phase, { h264: count("--video-h264", 10), hevc: count("--video-hevc", 10), noopFiles: count("--video-noop-files", 20_000), work });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The phone phase: each kind cold-scanned on its own against the native tools, then a no-op
 *  rescan. Robust to a scanner that cannot read a kind (the figures say so) and to missing tools. */
async function phonePhase(phase: (name: string, target: string, extra?: string[]) => PhaseResult, counts: Record<PhoneKind, number>) {
  const s = (r: PhaseResult) => `${(r.ms / 1000).toFixed(2)} s`;
  console.log(`\nphone library: ${counts.heic} HEIC (${PHONE.width}x${PHONE.height}, ${PHONE.tile} px grid), ${counts.jpeg} JPEG (${PHONE.width}x${PHONE.height}, EXIF), ${counts.raw} DNG (${PHONE.width}x${PHONE.height} preview, XMP sidecar)`);
  let library: Awaited<ReturnType<typeof phoneLibrary>>;
  try {
    library = await phoneLibrary(counts);
  } catch (e) {
    console.log(`  phone phase skipped: the library could not be made: ${(e as Error).message}`);
    return;
  }
  console.log(`  in ${library.root}: ${library.made ? `made ${library.made} files in ${(library.ms / 1000).toFixed(0)} s` : "all cached from an earlier run"}`);
  const targets: Record<PhoneKind, { label: string; target: number | null }> = {
    jpeg: { label: "vipsthumbnail 1280, then 256 from it", target: 1.1 },
    heic: { label: "heif-convert to JPEG, vipsthumbnail 1280, then 256", target: 2 },
    raw: { label: "exiftool -b -PreviewImage (one run), vipsthumbnail 1280, then 256", target: null },
  };
  const rss: number[] = [];
  for (const kind of ["jpeg", "heic", "raw"] as PhoneKind[]) {
    const dir = path.join(library.root, kind);
    if (!counts[kind]) continue;
    for (const f of listImages(dir)) await readFile(f); // both runs start with the files cached
    let scan: PhaseResult | null = null;
    try {
      scan = phase("scan", dir);
      rss.push(scan.maxRssMb);
      console.log(`${kind.toUpperCase().padEnd(5)} cold scan (${scan.detail}): ${s(scan)}, max RSS ${scan.maxRssMb} MB`);
    } catch (e) {
      console.log(`${kind.toUpperCase().padEnd(5)} cold scan FAILED: ${(e as Error).message.trim().split("\n").slice(-3).join(" | ")}`);
    }
    const missing = missingBaseline(kind);
    if (missing.length) {
      console.log(`      native baseline unavailable: ${missing.join(", ")} missing`);
      continue;
    }
    let native: PhaseResult;
    try {
      native = phase("native", dir, ["--kind", kind]);
    } catch (e) {
      console.log(`      native baseline FAILED: ${(e as Error).message.trim().split("\n").slice(-3).join(" | ")}`);
      continue;
    }
    console.log(`      ${targets[kind].label}: ${s(native)} (${native.detail})`);
    const target = targets[kind].target;
    // a scan that could not read the files is fast for the wrong reason: say so
    const found = Number(/^(\d+) found/.exec(scan?.detail ?? "")?.[1] ?? 0);
    const failed = Number(/(\d+) without preview/.exec(scan?.detail ?? "")?.[1] ?? 0);
    const figure = scan ? `${(scan.ms / native.ms).toFixed(2)}x` : "";
    const ratio = !scan || !found ? "n/a (the scanner indexed none of them)" : failed ? `${figure}, not comparable: ${failed} of ${found} without preview` : figure;
    console.log(`      ratio scan / native ${ratio} (${target ? `target <= ${target}x` : "no target"})`);
  }
  try {
    const noop = phase("scan", library.root);
    const walk = phase("statwalk", library.root);
    rss.push(noop.maxRssMb);
    console.log(`no-op rescan of the phone library (${noop.detail}): ${s(noop)}, max RSS ${noop.maxRssMb} MB`);
    // a few dozen files stat in well under a millisecond each: a ratio of two such figures is noise
    const ratio = walk.ms >= 50 ? `ratio ${(noop.ms / walk.ms).toFixed(2)}x` : "too few files for a ratio";
    console.log(`      plain stat walk (${walk.detail}): ${s(walk)}; ${ratio} (target: the no-op phase's ratio unchanged, <= 3x at 100,000 files)`);
  } catch (e) {
    console.log(`no-op rescan FAILED: ${(e as Error).message.trim().split("\n").slice(-3).join(" | ")}`);
  }
  if (rss.length) console.log(`max RSS of the phone scan workers: ${Math.max(...rss)} MB (target < 500 MB)`);
}

const phaseName = option("--phase");
if (phaseName) await runPhase(phaseName, option("--target")!);
else await main();
