// Browser-playable copies of the videos browsers cannot play (playability.ts): an H.264/AAC MP4,
// long edge at most 1080 px, made once per content by the worker after a scan, kept in
// STATE_DIR/renditions by content hash like thumbnails. The Rendition table says which exist,
// which failed (with ffmpeg's reason) and how often each was tried: one retry, then it stays
// failed. ffmpeg runs at the lowest priority, a bounded number at once (RENDITION_CONCURRENCY),
// and writes to a temporary name renamed when complete, so a killed transcode leaves no half file
// under the real name.
import { spawn } from "node:child_process";
import { mkdir, readdir, realpath, rename, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { env } from "~/env";
import { errorLine } from "~/lib/error-text";
import { db } from "~/server/db";
import { PRESENT, photosUnder } from "~/server/db/visibility";
import { videoCommand } from "./ffmpeg-tools";
import { openInsideRoot } from "./open-file";
import type { ScanContext } from "./scan-root";
import { byteRange } from "./video-probe";

/** Tries per content: the first, and one retry after a failure. */
export const MAX_ATTEMPTS = 2;
/** The long edge of a rendition in pixels. */
export const RENDITION_EDGE = 1080;
/** A transcode that reports no progress for this long is stopped as failed. */
const STALL_MS = 5 * 60_000;
/** A "running" row older than this was left by a worker that died (kill -9, power cut). */
const ABANDONED_MS = 30 * 60_000;

const renditionsDir = () => path.join(env.STATE_DIR, "renditions");

/** Where the rendition of the video with this content hash is kept. */
export const renditionPath = (sourceHash: string) => path.join(renditionsDir(), sourceHash.slice(0, 2), `${sourceHash}.mp4`);

/** The rendition's file is on disk. */
export const renditionExists = (sourceHash: string) => stat(renditionPath(sourceHash)).then((s) => s.isFile(), () => false);

let running = 0;
const waiting: (() => void)[] = [];
/** Runs `fn` when fewer than RENDITION_CONCURRENCY transcodes run in this process. */
async function bounded<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= env.RENDITION_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

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
  const edge = RENDITION_EDGE;
  const args = [
    ["-v", "error", "-nostdin", "-nostats", "-y", "-i", input],
    ["-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn"],
    // upright (ffmpeg applies the display matrix), long edge at most 1080, even sides, 8-bit 4:2:0
    ["-vf", `scale=w='if(gte(iw,ih),min(iw,${edge}),-2)':h='if(gte(iw,ih),-2,min(ih,${edge}))',format=yuv420p`],
    ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-profile:v", "high"],
    ["-c:a", "aac", "-b:a", "128k", "-ac", "2"],
    ["-movflags", "+faststart", "-progress", "pipe:1", "-f", "mp4", tmp],
  ].flat();
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(ffmpeg, args, { stdio: ["ignore", "pipe", "pipe"] });
      // below the worker's own nice 10: browsing and scans come first
      if (child.pid) {
        try {
          os.setPriority(child.pid, 19);
        } catch {
          // not allowed here: it still runs at the worker's priority
        }
      }
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
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        stderr = (stderr + chunk).slice(-4000);
      });
      child.on("error", (e) => {
        clearInterval(watch);
        reject(e);
      });
      child.on("close", (code) => {
        clearInterval(watch);
        if (code === 0 && !reason) return resolve();
        const last = stderr.trim().split("\n").filter(Boolean).at(-1);
        reject(new Error(reason ?? (last ? `ffmpeg: ${last}` : `ffmpeg exited with code ${code}`)));
      });
    });
    await rename(tmp, final);
  } finally {
    await rm(tmp, { force: true });
  }
}

export type RenditionStats = { made: number; failed: number; stopped: boolean };

type Source = { sourceHash: string; file: string; offset: number | null; length: number | null; durationMs: number | null };

/** The distinct sources under `root` that need a rendition: present videos and motions whose
 *  playback is "rendition". */
async function sourcesUnder(root: string): Promise<Source[]> {
  const rows = await db.photo.findMany({
    where: { ...photosUnder(root), ...PRESENT, OR: [{ playback: "rendition" }, { motionPlayback: "rendition" }] },
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

/** Takes a source for this worker: pending, failed with a try left, or abandoned while running;
 *  a "ready" row whose file is gone (STATE_DIR cleared) starts over. False when there is nothing
 *  to do or another worker has it. */
async function claim(sourceHash: string): Promise<boolean> {
  const row = await db.rendition.upsert({ where: { sourceHash }, create: { sourceHash }, update: {} });
  if (row.status === "ready") {
    if (await renditionExists(sourceHash)) return false;
    await db.rendition.updateMany({ where: { sourceHash, status: "ready" }, data: { status: "pending", attempts: 0, error: null } });
  }
  const claimed = await db.rendition.updateMany({
    where: {
      sourceHash,
      attempts: { lt: MAX_ATTEMPTS },
      OR: [{ status: { in: ["pending", "failed"] } }, { status: "running", updatedAt: { lt: new Date(Date.now() - ABANDONED_MS) } }],
    },
    data: { status: "running", attempts: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** Removes temporary files older than a day that killed transcodes left. */
async function sweepTemporary() {
  const dirs = await readdir(renditionsDir()).catch(() => [] as string[]);
  for (const d of dirs) {
    const names = await readdir(path.join(renditionsDir(), d)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(".tmp"))) {
      const full = path.join(renditionsDir(), d, name);
      const st = await stat(full).catch(() => null);
      if (st && Date.now() - st.mtimeMs > 86_400_000) await rm(full, { force: true });
    }
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Makes the missing renditions of the videos under `root` (after its scan), one source after the
 * other, each bounded by RENDITION_CONCURRENCY per process. Progress goes to `ctx` in seconds of
 * video (done, total); each rendition logs a line when done or failed. A failure is recorded on
 * the Rendition row and never stops the others.
 */
export async function makeRenditions(root: string, ctx: ScanContext): Promise<RenditionStats> {
  const stats: RenditionStats = { made: 0, failed: 0, stopped: false };
  const todo: Source[] = [];
  for (const source of await sourcesUnder(root)) if (await claim(source.sourceHash)) todo.push(source);
  if (!todo.length) return stats;
  await sweepTemporary();
  const realRoot = await realpath(root);
  const totalMs = todo.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
  let doneMs = 0;
  ctx.log("info", `making ${todo.length} browser-playable video rendition${todo.length === 1 ? "" : "s"} (${seconds(totalMs)} of video)`);
  ctx.phase?.("renditions");
  ctx.progress(0, Math.ceil(totalMs / 1000));
  for (const [i, source] of todo.entries()) {
    if (ctx.shouldStop()) {
      // give back what was claimed and not started
      await db.rendition.updateMany({ where: { sourceHash: { in: todo.slice(i).map((s) => s.sourceHash) }, status: "running" }, data: { status: "pending", attempts: { decrement: 1 } } });
      return { ...stats, stopped: true };
    }
    const started = Date.now();
    const label = source.offset === null ? source.file : `the motion inside ${source.file}`;
    try {
      await bounded(async () => {
        const opened = await openInsideRoot(source.file, realRoot);
        try {
          const input = source.offset === null ? opened.alias : byteRange(opened.alias, source.offset, source.length!);
          await transcode(input, source.sourceHash, (ms) => ctx.progress(Math.floor((doneMs + ms) / 1000), Math.ceil(totalMs / 1000)), ctx.shouldStop);
        } finally {
          await opened.close();
        }
      });
      await db.rendition.update({ where: { sourceHash: source.sourceHash }, data: { status: "ready", error: null } });
      stats.made++;
      const took = Date.now() - started;
      const speed = source.durationMs && took ? ` (${(source.durationMs / took).toFixed(1)} s of video per second)` : "";
      ctx.log("info", `rendition ${i + 1} of ${todo.length} made for ${label} in ${seconds(took)}${speed}`);
    } catch (e) {
      if (ctx.shouldStop()) {
        await db.rendition.updateMany({ where: { sourceHash: { in: todo.slice(i).map((s) => s.sourceHash) }, status: "running" }, data: { status: "pending", attempts: { decrement: 1 } } });
        return { ...stats, stopped: true };
      }
      const reason = (e as NodeJS.ErrnoException).code === "EOUTSIDE" ? "it now leads outside the scan root" : errorLine(e);
      const row = await db.rendition.update({ where: { sourceHash: source.sourceHash }, data: { status: "failed", error: reason } });
      stats.failed++;
      const retry = row.attempts < MAX_ATTEMPTS ? "; it is tried once more by the next scan" : "; not tried again";
      ctx.log("warn", `rendition ${i + 1} of ${todo.length} failed for ${label}: ${reason}${retry}`);
    }
    doneMs += source.durationMs ?? 0;
    ctx.progress(Math.floor(doneMs / 1000), Math.ceil(totalMs / 1000));
  }
  return stats;
}
