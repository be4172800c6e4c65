// Browser-playable copies of the videos browsers cannot play (playability.ts): an H.264/AAC MP4,
// long edge at most 1080 px, made once per content by a renditions job (queued by the scan of
// the root), kept in STATE_DIR/renditions by content hash like thumbnails. The Rendition table
// says which exist, which failed (with ffmpeg's reason) and how often each was tried: one retry,
// then it stays failed. A job claims one source at a time, just before converting it, and keeps
// the claim fresh while ffmpeg runs; a stopped job gives its claims back. ffmpeg runs at the
// lowest priority, RENDITION_CONCURRENCY at once per job, and writes to a temporary name renamed
// when complete, so a killed conversion leaves no half file under the real name.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, realpath, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "~/env";
import { errorLine } from "~/lib/error-text";
import { db } from "~/server/db";
import { PRESENT, photosUnder } from "~/server/db/visibility";
import { videoCommand, VideoToolMissing } from "./ffmpeg-tools";
import { releaseRenditionClaims } from "./rendition-claims";
import { renditionExists, renditionPath, renditionsDir } from "./rendition-files";
import { openInsideRoot, type OpenedFile } from "./open-file";
import type { ScanContext } from "./scan-root";
import { byteRange, firstErrorLine, inputArgs, probeVideo, VideoToolCrashed } from "./video-probe";
import { plural } from "~/lib/plural";

/** Tries per content: the first, and one retry after a failure. */
export const MAX_ATTEMPTS = 2;
/** The long edge of a rendition in pixels. */
export const RENDITION_EDGE = 1080;
/** A transcode that reports no progress for this long is stopped as failed. */
const STALL_MS = 5 * 60_000;
/** A running conversion refreshes its row this often... */
const CLAIM_REFRESH_MS = 15_000;
/** ...so a "running" row older than this was left by a worker that died (kill -9, power cut). */
const ABANDONED_MS = 2 * 60_000;

export { releaseRenditionClaims, renditionExists, renditionPath };

/** ffmpeg's arguments that convert `input` (a file name or a byteRange) into a rendition at
 *  `output`, reporting progress on stdout (also the benchmark's baseline). */
export function renditionArgs(input: string, output: string): string[] {
  const edge = RENDITION_EDGE;
  return [
    ["-v", "error", "-nostdin", "-nostats", "-y", ...inputArgs(input)],
    ["-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn"],
    // upright (ffmpeg applies the display matrix), long edge at most 1080, both sides even (x264
    // refuses odd ones: 853x480 is common), square pixels (1920x1080 gives 1080x608, not a
    // stretched 1080x607.5 that players show 1081 px wide), 8-bit 4:2:0
    ["-vf", `scale=w='if(gte(iw,ih),trunc(min(iw,${edge})/2)*2,-2)':h='if(gte(iw,ih),-2,trunc(min(ih,${edge})/2)*2)',setsar=1,format=yuv420p`],
    ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-profile:v", "high"],
    ["-c:a", "aac", "-b:a", "128k", "-ac", "2"],
    ["-movflags", "+faststart", "-progress", "pipe:1", "-f", "mp4", output],
  ].flat();
}

/** The ffmpeg processes converting in this process right now. */
const running = new Set<ChildProcess>();

/** Kills every conversion this process runs: a worker leaving (SIGTERM, its web process gone)
 *  must not leave ffmpeg encoding on its own, beside the worker that takes the job over. */
export function stopConversions() {
  shuttingDown = true;
  for (const child of running) child.kill("SIGKILL");
}
/** Set by stopConversions: a conversion killed by it is given back, not failed. */
let shuttingDown = false;
process.on("exit", stopConversions);

/**
 * Transcodes `input` (a file name or a byteRange) into the rendition of `sourceHash`. Calls
 * `onProgress` with the milliseconds of video done; stops (throws "stopped") when `shouldStop`
 * says so. Throws with ffmpeg's last error line when it fails.
 */
export async function transcode(input: string, sourceHash: string, onProgress: (doneMs: number) => void, shouldStop: () => boolean): Promise<void> {
  const ffmpeg = await videoCommand("ffmpeg");
  const final = renditionPath(sourceHash);
  await mkdir(path.dirname(final), { recursive: true });
  const tmp = `${final}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const args = renditionArgs(input, tmp);
  try {
    await new Promise<void>((resolve, reject) => {
      // through nice, so every thread ffmpeg starts runs at the lowest priority: browsing and scans first
      const child = spawn("nice", ["-n", "19", ffmpeg, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      running.add(child);
      child.on("exit", () => running.delete(child));
      let stderr = "";
      let lastProgress = Date.now();
      let reason: string | null = null;
      const stop = (why: string) => {
        reason ??= why;
        child.kill("SIGKILL");
      };
      const watch = setInterval(() => {
        if (shouldStop()) stop("stopped");
        else if (Date.now() - lastProgress > STALL_MS) stop(`ffmpeg made no progress for ${STALL_MS / 60_000} minutes`);
      }, 500);
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        lastProgress = Date.now();
        const m = /out_time_(?:us|ms)=(\d+)\s*$/m.exec(chunk.split("\n").filter((l) => l.startsWith("out_time_")).at(-1) ?? "");
        if (m) onProgress(Math.round(Number(m[1]) / 1000));
      });
      // the head of it: the first error says why, what follows are its consequences
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        if (stderr.length < 4000) stderr += chunk;
      });
      child.on("error", (e) => {
        clearInterval(watch);
        reject(e);
      });
      child.on("close", (code) => {
        clearInterval(watch);
        if (code === 0 && !reason) return resolve();
        const why = firstErrorLine(stderr, input)?.split(tmp).join("the rendition");
        if (reason === "stopped" || shuttingDown) reject(new Error("stopped"));
        else reject(new ConversionFailed(reason ?? (why ? `ffmpeg: ${why}` : `ffmpeg exited with code ${code}`)));
      });
    });
    // ffmpeg can end well having encoded nothing (every frame undecodable): check what it wrote
    const made = await probeVideo(tmp).catch(() => null);
    if (!made?.durationMs) throw new ConversionFailed("ffmpeg made no playable video from it");
    await rename(tmp, final);
  } finally {
    await rm(tmp, { force: true });
  }
}

export type RenditionStats = { made: number; failed: number; stopped: boolean };

/** ffmpeg could not convert the source: its reason, in words fit for users. */
class ConversionFailed extends Error {}

type Source = { sourceHash: string; file: string; offset: number | null; length: number | null; durationMs: number | null };

/** The distinct sources under `root` that browsers cannot play: present videos and the motions
 *  of present live and motion photos whose playback is "rendition". */
async function sourcesUnder(root: string): Promise<Source[]> {
  const rows = await db.photo.findMany({
    where: { AND: [photosUnder(root), PRESENT, { OR: [{ playback: "rendition" }, { motionPlayback: "rendition" }] }] },
    select: { path: true, contentHash: true, playback: true, durationMs: true, motionPlayback: true, motionKind: true, motionPath: true, motionHash: true, motionOffset: true, motionLength: true },
    orderBy: { path: "asc" },
  });
  const sources = new Map<string, Source>();
  for (const r of rows) {
    if (r.playback === "rendition" && r.contentHash) sources.set(r.contentHash, { sourceHash: r.contentHash, file: r.path, offset: null, length: null, durationMs: r.durationMs });
    if (r.motionPlayback === "rendition" && r.motionHash) {
      const embedded = r.motionKind === "embedded" && r.motionOffset !== null && r.motionLength !== null;
      const file = embedded ? r.path : r.motionPath;
      if (file) {
        sources.set(r.motionHash, {
          sourceHash: r.motionHash,
          file,
          offset: embedded ? Number(r.motionOffset) : null,
          length: embedded ? Number(r.motionLength) : null,
          durationMs: r.durationMs,
        });
      }
    }
  }
  return [...sources.values()];
}

const abandonedBefore = () => new Date(Date.now() - ABANDONED_MS);

/**
 * The sources under `root` still to convert: no row yet, pending, failed with a try left,
 * running for `jobId` (resumed) or abandoned, or ready with the file gone (STATE_DIR cleared:
 * started over). A row abandoned with its last try spent is failed here, so it never stays
 * "running". Rows are read in bulk: an unchanged library costs one query per 500 sources.
 */
async function sourcesToConvert(root: string, jobId: string | null): Promise<Source[]> {
  const sources = await sourcesUnder(root);
  const todo: Source[] = [];
  for (let i = 0; i < sources.length; i += 500) {
    const chunk = sources.slice(i, i + 500);
    const rows = await db.rendition.findMany({ where: { sourceHash: { in: chunk.map((s) => s.sourceHash) } } });
    const byHash = new Map(rows.map((r) => [r.sourceHash, r]));
    for (const source of chunk) {
      const row = byHash.get(source.sourceHash);
      if (!row || row.status === "pending") todo.push(source);
      else if (row.status === "ready") {
        if (await renditionExists(source.sourceHash)) continue;
        await db.rendition.updateMany({ where: { sourceHash: source.sourceHash, status: "ready" }, data: { status: "pending", attempts: 0, error: null } });
        todo.push(source);
      } else if (row.status === "failed") {
        if (row.attempts < MAX_ATTEMPTS) todo.push(source);
      } else if (row.claimedBy === jobId || row.updatedAt < abandonedBefore()) {
        if (row.attempts < MAX_ATTEMPTS || row.claimedBy === jobId) todo.push(source);
        else {
          await db.rendition.updateMany({
            where: { sourceHash: source.sourceHash, status: "running", updatedAt: row.updatedAt },
            data: { status: "failed", claimedBy: null, error: "the conversion was interrupted twice (the worker stopped while it ran)" },
          });
        }
      }
    }
  }
  return todo;
}

/** How many videos (and motions) under `root` wait for a rendition: a scan queues a renditions
 *  job when there are any. */
export async function renditionsToMake(root: string): Promise<number> {
  return (await sourcesToConvert(root, null)).length;
}

/** Takes one source for `claimant` just before converting it (a try is counted); false when
 *  another job has it or it needs nothing any more. */
async function claim(sourceHash: string, claimant: string): Promise<boolean> {
  await db.rendition.upsert({ where: { sourceHash }, create: { sourceHash }, update: {} });
  const claimed = await db.rendition.updateMany({
    where: {
      sourceHash,
      OR: [
        { status: "pending" },
        { status: "failed", attempts: { lt: MAX_ATTEMPTS } },
        { status: "running", claimedBy: claimant },
        { status: "running", attempts: { lt: MAX_ATTEMPTS }, updatedAt: { lt: abandonedBefore() } },
      ],
    },
    data: { status: "running", claimedBy: claimant, attempts: { increment: 1 } },
  });
  return claimed.count === 1;
}


/** Removes temporary files older than an hour that killed conversions left (a live one's is
 *  refreshed as ffmpeg writes it). */
async function sweepTemporary() {
  const dirs = await readdir(renditionsDir()).catch(() => [] as string[]);
  for (const d of dirs) {
    const names = await readdir(path.join(renditionsDir(), d)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(".tmp"))) {
      const full = path.join(renditionsDir(), d, name);
      const st = await stat(full).catch(() => null);
      if (st && Date.now() - st.mtimeMs > 3_600_000) await rm(full, { force: true });
    }
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The content hash of what `opened` holds now (the whole file, or the embedded range). */
async function hashOf(opened: OpenedFile, source: Source): Promise<string> {
  if (source.offset === null) return opened.sha256();
  return createHash("sha256").update(await opened.readRange(source.offset, source.length!)).digest("hex");
}

type Outcome = "made" | "failed" | "changed" | "taken" | "stopped";

/**
 * Makes the missing renditions of the videos under `root`, RENDITION_CONCURRENCY at a time.
 * Progress goes to `ctx` in seconds of video (done, total); each rendition logs a line when made
 * or failed. A failure is recorded on its Rendition row with ffmpeg's reason and never stops the
 * others. A source whose bytes changed since the scan is left for the next scan (no try spent).
 * `claimant` names the claims (renditionClaimant: the job and its worker, so a worker that took
 * the job over never shares claims with one still running it); without it a one-off name.
 * Throws (claims given back) when ffmpeg is missing or crashes, or the database fails.
 */
export async function makeRenditions(root: string, ctx: ScanContext, opts: { claimant?: string } = {}): Promise<RenditionStats> {
  const claimant = opts.claimant ?? `direct-${process.pid}-${Date.now().toString(36)}`;
  const stats: RenditionStats = { made: 0, failed: 0, stopped: false };
  const todo = await sourcesToConvert(root, claimant);
  if (!todo.length) {
    ctx.progress(0, 0);
    return stats;
  }
  await sweepTemporary();
  const realRoot = await realpath(root);
  const totalMs = todo.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
  const inFlight = new Map<string, number>();
  let doneMs = 0;
  const report = () => {
    let now = doneMs;
    for (const ms of inFlight.values()) now += ms;
    ctx.progress(Math.floor(now / 1000), Math.ceil(totalMs / 1000));
  };
  ctx.log("info", `making ${plural(todo.length, "browser-playable video rendition")} (${seconds(totalMs)} of video)`);
  report();

  let toolProblem: Error | null = null;
  const convert = async (source: Source, n: number): Promise<Outcome> => {
    if (!(await claim(source.sourceHash, claimant))) return "taken";
    const label = source.offset === null ? source.file : `the motion inside ${source.file}`;
    const started = Date.now();
    // the claim stays fresh from here to its end (hashing a large file on a NAS takes minutes)
    const refresh = setInterval(() => {
      void db.rendition.updateMany({ where: { sourceHash: source.sourceHash, claimedBy: claimant }, data: { status: "running" } }).catch(() => {});
    }, CLAIM_REFRESH_MS);
    let opened: OpenedFile | null = null;
    try {
      if (await renditionExists(source.sourceHash)) {
        // made meanwhile by a job of another root with the same content
        await db.rendition.updateMany({ where: { sourceHash: source.sourceHash }, data: { status: "ready", error: null, claimedBy: null } });
        return "taken";
      }
      try {
        opened = await openInsideRoot(source.file, realRoot);
      } catch (e) {
        // moved or gone since the scan: not this content's fault, and its path is for the log only
        await releaseRenditionClaims(claimant, source.sourceHash);
        ctx.log("info", `${label} cannot be opened now (${(e as NodeJS.ErrnoException).code ?? errorLine(e)}): its next scan reads it again`);
        return "changed";
      }
      if ((await hashOf(opened, source)) !== source.sourceHash) {
        await releaseRenditionClaims(claimant, source.sourceHash);
        ctx.log("info", `${label} changed since the scan: its next scan reads it again`);
        return "changed";
      }
      const input = source.offset === null ? opened.alias : byteRange(opened.alias, source.offset, source.length!);
      await transcode(
        input,
        source.sourceHash,
        (ms) => {
          inFlight.set(source.sourceHash, ms);
          report();
        },
        ctx.shouldStop,
      );
      // the file is in place: ready, whatever happened to the claim meanwhile
      await db.rendition.updateMany({ where: { sourceHash: source.sourceHash }, data: { status: "ready", error: null, claimedBy: null } });
      const took = Date.now() - started;
      const speed = source.durationMs && took ? ` (${(source.durationMs / took).toFixed(1)} s of video per second)` : "";
      ctx.log("info", `rendition ${n} of ${todo.length} made for ${label} in ${seconds(took)}${speed}`);
      return "made";
    } catch (e) {
      if (ctx.shouldStop() || shuttingDown) {
        await releaseRenditionClaims(claimant, source.sourceHash);
        return "stopped";
      }
      if (e instanceof VideoToolMissing || e instanceof VideoToolCrashed) {
        // no ffmpeg that works here: no try spent, and the job ends saying so
        await releaseRenditionClaims(claimant, source.sourceHash);
        toolProblem ??= e;
        return "stopped";
      }
      // ffmpeg's own words are for users (firstErrorLine keeps paths out); anything else only for the log
      const reason = e instanceof ConversionFailed ? e.message : "the conversion could not be completed (the worker log says why)";
      await db.rendition.updateMany({ where: { sourceHash: source.sourceHash, claimedBy: claimant }, data: { status: "failed", error: reason, claimedBy: null } });
      const row = await db.rendition.findUnique({ where: { sourceHash: source.sourceHash }, select: { attempts: true } });
      const retry = (row?.attempts ?? MAX_ATTEMPTS) < MAX_ATTEMPTS ? "; it is tried once more by the next scan" : "; not tried again";
      ctx.log("warn", `rendition ${n} of ${todo.length} failed for ${label}: ${e instanceof ConversionFailed ? reason : errorLine(e)}${retry}`);
      return "failed";
    } finally {
      clearInterval(refresh);
      await opened?.close();
      inFlight.delete(source.sourceHash);
      doneMs += source.durationMs ?? 0;
      report();
    }
  };

  let next = 0;
  let broken: unknown = null;
  const worker = async () => {
    while (next < todo.length && !ctx.shouldStop() && !toolProblem && !broken) {
      const n = ++next;
      // a database error in one loop ends the others before they start another conversion
      const outcome = await convert(todo[n - 1]!, n).catch((e: unknown) => {
        broken ??= e;
        return "stopped" as const;
      });
      if (outcome === "made") stats.made++;
      if (outcome === "failed") stats.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(env.RENDITION_CONCURRENCY, todo.length) }, worker));
  if (broken || toolProblem) {
    await releaseRenditionClaims(claimant);
    throw broken ?? toolProblem;
  }
  if (ctx.shouldStop()) {
    await releaseRenditionClaims(claimant);
    return { ...stats, stopped: true };
  }
  // whole seconds of each clip's length do not add up to the rounded total: end full
  ctx.progress(Math.ceil(totalMs / 1000), Math.ceil(totalMs / 1000));
  return stats;
}

