// The video phase of bench-scan.ts (`--phases video`), in a module of its own; bench-scan.ts runs
// each of its child phases in a fresh process and this module's `videoPhase` orchestrates them:
//   - a library of phone-like clips (H.264 in .mp4 as Android writes it, HEVC tagged hvc1 in
//     .MOV with Apple's Keys as an iPhone writes it; 10 s of testsrc2 at 1920x1080, 30 fps, AAC,
//     with creation dates), made by tests/support/video.ts and kept under the temporary folder,
//     keyed by its parameters, for the next run;
//   - its cold scan vs ffprobe (the scanner's arguments) plus one ffmpeg frame to PNG, the exact
//     frame at the scanner's offset, 1280 px long edge, per file, with the same parallelism (the
//     scanner decodes only the key frame at or before that offset);
//   - the renditions of its HEVC clips (makeRenditions) vs plain ffmpeg with the same arguments,
//     one after the other at the same priority, in seconds of video per second;
//   - a no-op rescan of a tree whose files are half videos (live photo pairs IMG_n.HEIC +
//     IMG_n.MOV, plain VID_n.mp4, stills DSC_n.JPG) vs one of as many JPEGs, both seeded with
//     rows copied from the scanner's own rows for a template of each kind; each rescanned twice,
//     alternating, the faster counted, and checked to leave every seeded row unchanged.
// ffmpeg and ffprobe are the scanner's (ffmpeg-tools.ts videoTools()). Max RSS is the Node
// process's: the ffmpeg and ffprobe children's memory is not in it, on either side.
import { execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);
type PhaseResult = { ms: number; maxRssMb: number; detail?: string };
type RunPhase = (name: string, target: string, extra?: string[]) => PhaseResult;

const VIDEO_CLIP = { width: 1920, height: 1080, fps: 30, seconds: 10 };

const listVideos = (dir: string) =>
  (existsSync(dir) ? readdirSync(dir, { withFileTypes: true, recursive: true }) : [])
    .filter((e) => e.isFile() && /\.(mp4|mov)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();

// ---- child phases ---------------------------------------------------------------------------

/**
 * Runs one of this module's child phases (bench-scan.ts `--phase <name>`), timed by `timed`:
 *   videonative <clips>      ffprobe + one PNG frame per video, `parallel` at once
 *   rendition <clips>        makeRenditions on the scanned folder
 *   renditionnative <clips>  ffmpeg with the rendition arguments on the same sources, in turn
 *   videoseed <tree> --template <dir>   scan the template, then seed the tree's rows from it
 */
export async function runVideoChildPhase(
  phase: string,
  target: string,
  opts: { option: (name: string) => string | undefined; timed: (fn: () => Promise<string | void>) => Promise<PhaseResult>; parallel: number },
): Promise<PhaseResult> {
  const { videoCommand } = await import("../src/server/scanner/ffmpeg-tools");
  const { db } = await import("../src/server/db");
  const { photosUnder } = await import("../src/server/db/visibility");
  const quiet = { log: () => {}, progress: () => {}, shouldStop: () => false };
  // the sources needing a rendition, as the scan left them (the HEVC clips)
  const renditionSources = () =>
    db.photo.findMany({ where: { ...photosUnder(target), playback: "rendition", missingSince: null }, select: { path: true, durationMs: true }, orderBy: { path: "asc" } });
  const videoSeconds = (rows: { durationMs: number | null }[]) => `${(rows.reduce((sum, r) => sum + (r.durationMs ?? 0), 0) / 1000).toFixed(1)} s of video`;

  if (phase === "videonative") {
    const [ffmpeg, ffprobe] = [await videoCommand("ffmpeg"), await videoCommand("ffprobe")];
    const files = listVideos(target);
    const out = mkdtempSync(path.join(os.tmpdir(), "folio-bench-videonative-"));
    // the scanner's ffprobe arguments (video-probe.ts); the frame as one usually takes it: the
    // exact frame at the scanner's time (10% in, at most 1 s), scaled to 1280 px, as PNG
    const { posterTime, probeArgs } = await import("../src/server/scanner/video-probe");
    const scale = "scale=w='if(gte(iw,ih),min(iw,1280),-2)':h='if(gte(iw,ih),-2,min(ih,1280))'";
    try {
      return await opts.timed(async () => {
        let next = 0;
        const worker = async () => {
          while (next < files.length) {
            const i = next++;
            const file = files[i]!;
            const { stdout } = await exec(ffprobe, probeArgs(file), { maxBuffer: 64 * 1024 * 1024 });
            const seconds = Number((JSON.parse(stdout) as { format?: { duration?: string } }).format?.duration);
            const at = posterTime(seconds > 0 ? seconds * 1000 : null).toFixed(3);
            await exec(ffmpeg, ["-v", "error", "-nostdin", "-y", "-ss", at, "-i", file, "-frames:v", "1", "-an", "-vf", scale, "-c:v", "png", path.join(out, `${i}.png`)]);
          }
        };
        await Promise.all(Array.from({ length: opts.parallel }, worker));
        return `${files.length} files`;
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }

  if (phase === "rendition") {
    const { makeRenditions } = await import("../src/server/scanner/renditions");
    const sources = await renditionSources();
    await videoCommand("ffmpeg");
    return opts.timed(async () => {
      const stats = await makeRenditions(target, quiet);
      return `${sources.length} to make: ${stats.made} made, ${stats.failed} failed, ${videoSeconds(sources)}`;
    });
  }

  if (phase === "renditionnative") {
    const ffmpeg = await videoCommand("ffmpeg");
    const sources = await renditionSources();
    const out = mkdtempSync(path.join(os.tmpdir(), "folio-bench-renditionnative-"));
    const { renditionArgs } = await import("../src/server/scanner/renditions");
    try {
      return await opts.timed(async () => {
        for (const [i, source] of sources.entries()) {
          const args = renditionArgs(source.path, path.join(out, `${i}.mp4`));
          await new Promise<void>((resolve, reject) => {
            // the same priority as the renditions' ffmpeg
            const child = spawn("nice", ["-n", "19", ffmpeg, ...args], { stdio: ["ignore", "pipe", "pipe"] });
            let stderr = "";
            child.stdout.resume();
            child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
            child.on("error", reject);
            child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim()}`))));
          });
        }
        return `${sources.length} made, ${videoSeconds(sources)}`;
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }

  if (phase === "videoseed") {
    // the rows a scan leaves for each kind, from a real scan of one file of each (the template),
    // copied to every file of the tree with its own path, size and mtime (and for a live photo
    // still its video's), so that scan-root.ts unchanged() holds for each
    const { scanRoot, SCANNER_VERSION } = await import("../src/server/scanner/scan-root");
    const template = path.resolve(opts.option("--template")!);
    await scanRoot(template, quiet, { concurrency: opts.parallel });
    const rows = await db.photo.findMany({ where: photosUnder(template) });
    const byExt = new Map(rows.map((r) => [path.extname(r.fileName).toLowerCase(), r]));
    const still = byExt.get(".heic");
    if (!still?.hasMotion || still.motionKind !== "live" || byExt.has(".mov") || !byExt.get(".mp4") || !byExt.get(".jpg")) {
      throw new Error(`the template scan did not leave a live photo still (and no row for its video), an MP4 and a JPEG: ${rows.map((r) => `${r.fileName} hasMotion=${r.hasMotion}`).join(", ")}`);
    }
    if (rows.some((r) => r.scannerVersion !== SCANNER_VERSION || r.thumbnailState !== "ready")) throw new Error("a template row is not fully read");
    const files = readdirSync(target, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
    return opts.timed(async () => {
      let seeded = 0;
      for (let i = 0; i < files.length; i += 5000) {
        const data = files.slice(i, i + 5000).flatMap((file) => {
          const ext = path.extname(file).toLowerCase();
          // a live photo's video has no row: its still holds it as its motion
          if (ext === ".mov") return [];
          const { id: _id, indexedAt: _indexedAt, updatedAt: _updatedAt, ...row } = byExt.get(ext)!;
          const st = statSync(file);
          const motion = ext === ".heic" ? file.slice(0, -ext.length) + ".MOV" : null;
          const mst = motion ? statSync(motion) : null;
          return [
            {
              ...row,
              path: file,
              directory: path.dirname(file),
              fileName: path.basename(file),
              size: BigInt(st.size),
              mtime: new Date(Math.floor(st.mtimeMs)),
              ...(motion && mst ? { motionPath: motion, motionSize: BigInt(mst.size), motionMtime: new Date(Math.floor(mst.mtimeMs)) } : {}),
            },
          ];
        });
        await db.photo.createMany({ data });
        seeded += data.length;
      }
      return `${seeded} rows for ${files.length} files`;
    });
  }
  throw new Error(`unknown phase ${phase}`);
}

// ---- the clip library -------------------------------------------------------------------------

/** The folder of the clip library for these counts, under the temporary folder: `clips` (to scan)
 *  and `template` (one live photo pair, one MP4 and one JPEG, small, for the no-op trees). Files
 *  already there are kept (a file appears only once complete), so a re-run makes only what is
 *  missing. */
async function videoLibrary(counts: { h264: number; hevc: number }) {
  const video = await import("../tests/support/video");
  const media = await import("../tests/support/media");
  const { width, height, fps, seconds } = VIDEO_CLIP;
  const root = path.join(os.tmpdir(), `folio-bench-video-v1-${width}x${height}-${fps}fps-${seconds}s-h264${counts.h264}-hevc${counts.hevc}`);
  const staging = path.join(root, ".staging");
  const started = performance.now();
  let made = 0;
  const make = async (final: string, write: (file: string) => Promise<unknown>) => {
    if (existsSync(final)) return;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    mkdirSync(path.dirname(final), { recursive: true });
    const temp = path.join(staging, path.basename(final));
    await write(temp);
    renameSync(temp, final);
    made++;
  };
  const when = (i: number) => ({ day: `2024-07-${String(1 + (i % 28)).padStart(2, "0")}`, time: `${String(8 + (i % 12)).padStart(2, "0")}:15:00` });
  const clip = { width, height, fps, seconds, audio: "aac" as const };
  for (let i = 0; i < counts.h264; i++) {
    // as Android phones write them: H.264 + AAC in MP4, the creation time in UTC
    const { day, time } = when(i);
    await make(path.join(root, "clips", `VID_${2000 + i}.mp4`), (f) => video.writeVideo(f, { ...clip, codec: "h264", creationTime: `${day}T${time}-05:00` }));
  }
  for (let i = 0; i < counts.hevc; i++) {
    // as iPhones write them: HEVC (hvc1) + AAC in QuickTime, Apple's local date and model in Keys
    const { day, time } = when(i);
    await make(path.join(root, "clips", `IMG_${1000 + i}.MOV`), (f) =>
      video.writeVideo(f, {
        ...clip,
        codec: "hevc",
        hevcTag: "hvc1",
        creationTime: `${day}T${time}+02:00`,
        appleCreationDate: `${day.replaceAll("-", ":")} ${time}+02:00`,
        tags: { "Keys:Make": "Apple", "Keys:Model": "iPhone 15" },
      }),
    );
  }
  const template = path.join(root, "template");
  if (!existsSync(path.join(template, "IMG_0001.MOV"))) {
    rmSync(template, { recursive: true, force: true });
    const scratch = path.join(staging, "template");
    mkdirSync(scratch, { recursive: true });
    await video.writeLivePair(scratch, "IMG_0001", { videoCodec: "hevc", captureDate: "2024:07:01 10:00:00+02:00" });
    await video.writeVideo(path.join(scratch, "VID_0001.mp4"), { creationTime: "2024-07-01T10:00:00Z" });
    await media.writeJpeg(path.join(scratch, "DSC_0001.JPG"), { tags: { DateTimeOriginal: "2024:07:01 10:00:00" } });
    renameSync(scratch, template);
    made += 4;
  }
  rmSync(staging, { recursive: true, force: true });
  return { root, clips: path.join(root, "clips"), template, made, ms: performance.now() - started };
}

/** Per source file: the file its links are made to now (itself or a copy) and its link count. */
const linkTargets = new Map<string, { file: string; n: number }>();

/** Links `count` files named by `name(i)` into `dir` (1,000 per folder) from `source(i)`; a file
 *  takes at most 65,000 links, so a source with 60,000 is copied (into `spare`) first. */
function linkTree(dir: string, count: number, name: (i: number) => string, source: (i: number) => string, spare: string) {
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `d${String(Math.floor(i / 1000)).padStart(3, "0")}`);
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    const original = source(i);
    let use = linkTargets.get(original) ?? { file: original, n: statSync(original).nlink };
    if (use.n >= 60_000) {
      mkdirSync(spare, { recursive: true });
      const copy = path.join(spare, `${linkTargets.size}-${i}-${path.basename(original)}`);
      copyFileSync(original, copy);
      use = { file: copy, n: 1 };
    }
    linkTargets.set(original, { file: use.file, n: use.n + 1 });
    linkSync(use.file, path.join(folder, name(i)));
  }
}

// ---- the orchestrating run ------------------------------------------------------------------

/** The video phase: cold scan vs ffprobe + a frame, renditions vs ffmpeg, no-op rescan with
 *  videos vs without. `work` is the run's throwaway folder. */
export async function videoPhase(phase: RunPhase, opts: { h264: number; hevc: number; noopFiles: number; work: string }) {
  const s = (r: PhaseResult) => `${(r.ms / 1000).toFixed(2)} s`;
  const failure = (e: unknown) => (e as Error).message.trim().split("\n").slice(-3).join(" | ");
  const { width, height, fps, seconds } = VIDEO_CLIP;
  console.log(`\nvideo library: ${opts.h264} H.264 .mp4 and ${opts.hevc} HEVC .MOV (hvc1), ${seconds} s of testsrc2 at ${width}x${height}, ${fps} fps, AAC`);
  const { videoTools } = await import("../src/server/scanner/ffmpeg-tools");
  const tools = await videoTools();
  if (!tools.ffmpeg || !tools.ffprobe) {
    console.log("  video phase skipped: the scanner finds no ffmpeg or ffprobe");
    return;
  }
  let library: Awaited<ReturnType<typeof videoLibrary>>;
  try {
    library = await videoLibrary(opts);
  } catch (e) {
    console.log(`  video phase skipped: the library could not be made: ${failure(e)}`);
    return;
  }
  const clips = listVideos(library.clips);
  const megabytes = (files: string[]) => Math.round(files.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6);
  const h264Files = clips.filter((f) => f.endsWith(".mp4"));
  const hevcFiles = clips.filter((f) => f.endsWith(".MOV"));
  console.log(`  in ${library.root}: ${library.made ? `made ${library.made} files in ${(library.ms / 1000).toFixed(0)} s` : "all cached from an earlier run"}`);
  console.log(`  ${megabytes(h264Files)} MB of H.264, ${megabytes(hevcFiles)} MB of HEVC; ffmpeg ${tools.ffmpeg.version} and ffprobe ${tools.ffprobe.version} (${tools.ffmpeg.source})`);

  if (clips.length) {
    for (const f of clips) await readFile(f); // both runs start with the files cached
    let scan: PhaseResult | null = null;
    try {
      scan = phase("scan", library.clips);
      console.log(`VIDEO cold scan (${scan.detail}): ${s(scan)}, max RSS ${scan.maxRssMb} MB`);
    } catch (e) {
      console.log(`VIDEO cold scan FAILED: ${failure(e)}`);
    }
    try {
      const native = phase("videonative", library.clips);
      console.log(`      ffprobe + one ffmpeg frame (PNG, 1280 px) per file (${native.detail}): ${s(native)}, max RSS ${native.maxRssMb} MB`);
      const found = Number(/^(\d+) found/.exec(scan?.detail ?? "")?.[1] ?? 0);
      const failed = Number(/(\d+) without preview/.exec(scan?.detail ?? "")?.[1] ?? 0);
      const figure = scan ? `${(scan.ms / native.ms).toFixed(2)}x` : "";
      const ratio = !scan || !found ? "n/a (the scanner indexed none of them)" : failed ? `${figure}, not comparable: ${failed} of ${found} without preview` : figure;
      console.log(`      ratio scan / native ${ratio} (target <= 1.3x)`);
    } catch (e) {
      console.log(`      native baseline FAILED: ${failure(e)}`);
    }
    if (scan) {
      const speed = (r: PhaseResult) => {
        const video = Number(/([\d.]+) s of video/.exec(r.detail ?? "")?.[1] ?? 0);
        return `${(video / (r.ms / 1000)).toFixed(2)} s of video per second`;
      };
      try {
        const made = phase("rendition", library.clips);
        console.log(`renditions (${made.detail}): ${s(made)}, ${speed(made)}, max RSS ${made.maxRssMb} MB`);
        const plain = phase("renditionnative", library.clips);
        console.log(`      plain ffmpeg, same arguments and priority, in turn (${plain.detail}): ${s(plain)}, ${speed(plain)}`);
        console.log(`      ratio Folio / ffmpeg ${(made.ms / plain.ms).toFixed(2)}x`);
      } catch (e) {
        console.log(`renditions FAILED: ${failure(e)}`);
      }
    }
  }

  // no-op rescans: half videos (a quarter live photo videos, a quarter plain MP4) vs all JPEGs
  const groups = Math.floor(opts.noopFiles / 4);
  const n = groups * 4;
  const t = (stem: string) => path.join(library.template, stem);
  const mixed = path.join(opts.work, "videotree-mixed");
  const plain = path.join(opts.work, "videotree-plain");
  const kinds = [
    { name: (g: number) => `IMG_${g}.HEIC`, source: t("IMG_0001.HEIC") },
    { name: (g: number) => `IMG_${g}.MOV`, source: t("IMG_0001.MOV") },
    { name: (g: number) => `VID_${g}.mp4`, source: t("VID_0001.mp4") },
    { name: (g: number) => `DSC_${g}.JPG`, source: t("DSC_0001.JPG") },
  ];
  const spare = path.join(opts.work, "videotree-spare");
  linkTree(mixed, n, (i) => kinds[i % 4]!.name(Math.floor(i / 4)), (i) => kinds[i % 4]!.source, spare);
  linkTree(plain, n, (i) => `DSC_${i}.JPG`, () => t("DSC_0001.JPG"), spare);
  try {
    const seeds = [phase("videoseed", mixed, ["--template", library.template]), phase("videoseed", plain, ["--template", library.template])];
    const rows = seeds.map((r) => Number(/^(\d+) rows/.exec(r.detail ?? "")?.[1]));
    // twice each, alternating, the faster counted: a few seconds each on a shared machine
    const runs: PhaseResult[][] = [[], []];
    for (let i = 0; i < 2; i++) for (const [k, tree] of [mixed, plain].entries()) runs[k]!.push(phase("scan", tree));
    const best = runs.map((r) => r.reduce((a, b) => (b.ms < a.ms ? b : a)));
    // every seeded row unchanged, nothing read: a live photo's video is its still's motion
    const noop = (d = "", seeded: number) => Number(/(\d+) unchanged/.exec(d)?.[1]) === seeded && /, 0 added,/.test(d) && !/updated|moved|missing/.test(d);
    const check = (k: number) => (runs[k]!.every((r) => noop(r.detail, rows[k]!)) ? `all ${rows[k]} rows unchanged` : `NOT A NO-OP: ${rows[k]} rows seeded`);
    const line = (k: number, label: string) =>
      `${label} (${best[k]!.detail}; ${check(k)}): ${s(best[k]!)} (runs ${runs[k]!.map(s).join(", ")}), max RSS ${best[k]!.maxRssMb} MB`;
    console.log(line(0, `no-op rescan, ${n} files, half videos (${groups} live photo pairs HEIC + MOV, ${groups} MP4, ${groups} JPEG)`));
    console.log(line(1, `no-op rescan, ${n} JPEGs`));
    // a few dozen files take a few milliseconds: a ratio of two such figures is noise
    const ratio = best[1]!.ms >= 50 ? `ratio ${(best[0]!.ms / best[1]!.ms).toFixed(2)}x` : "too few files for a ratio";
    console.log(`      ${ratio} (target ~1.0x: as fast as without)`);
  } catch (e) {
    console.log(`no-op rescan with videos FAILED: ${failure(e)}`);
  }
}
