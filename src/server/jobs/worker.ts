// A worker: claims jobs from the table (scans, and the video conversions and face detection a scan queues) and runs
// them, with a heartbeat that also carries progress and notices cancellation or a takeover. Runs inside the web process (SCAN_WORKER=on)
// or alone (scripts/worker.ts).
import { db } from "~/server/db";
import { refreshFolderSummary, refreshFolderSummaryOf } from "~/server/db/folder-summary";
import { refreshPlannerStatistics, statisticsDue } from "~/server/db/maintenance";
import { releaseRenditionClaims, renditionClaimant } from "~/server/scanner/rendition-claims";
import { siteSwitchOn } from "~/server/db/site-settings";
import { findFaces, facesToFind } from "~/server/scanner/faces";
import { makeRenditions, renditionsToMake } from "~/server/scanner/renditions";
import { scanRoot, type ScanContext } from "~/server/scanner/scan-root";
import {
  appendLog,
  claimNextJob,
  enqueueFollowUp,
  FACES_JOB,
  finishJob,
  heartbeat,
  HEARTBEAT_MS,
  newWorkerId,
  RENDITIONS_JOB,
  SCAN_JOB,
  type ClaimedJob,
  type JobProgress,
  type JobType,
} from "./queue";
import { placeFaces, viewersMeeting } from "./face-clustering";
import { errorLine } from "~/lib/error-text";
import { plural } from "~/lib/plural";

const IDLE_POLL_MS = 1_000;
/** Folder summary refreshes during a scan: at least this far apart, and 20 times as far as the last one took. */
const FOLDER_SUMMARY_EVERY_MS = 10_000;

export type Worker = { id: string; stop: () => Promise<void>; running: () => boolean };

/** What every job runs with: a heartbeat carrying its progress that notices a cancel or a
 *  takeover, its log lines (written in order, awaited by `settle`), and how it stopped. */
function jobRun(job: ClaimedJob, workerId: string) {
  let stop = false;
  let cancelled = false;
  let progress: JobProgress = { done: 0, total: 0 };
  // one chain: lines are written in order, and a scan logging a line per file holds one promise
  let logs: Promise<unknown> = Promise.resolve();
  const beat = async () => {
    const mine = await heartbeat(job.id, workerId, progress).catch(() => true);
    if (!mine) {
      stop = true;
      const row = await db.job.findUnique({ where: { id: job.id }, select: { cancelRequested: true, workerId: true } });
      cancelled = !!row?.cancelRequested && row.workerId === workerId;
    }
  };
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  const onProgress: ((done: number, total: number) => void)[] = [];
  const ctx: ScanContext = {
    log: (level, message) => {
      logs = logs.then(() => appendLog(job.id, level, message).catch(() => {}));
    },
    progress: (done, total) => {
      progress = { done, total };
      for (const f of onProgress) f(done, total);
    },
    shouldStop: () => stop,
  };
  return {
    ctx,
    onProgress,
    progress: () => progress,
    /** stops the heartbeat and waits for the log lines */
    settle: async () => {
      clearInterval(timer);
      await logs;
    },
    /** after a stop: cancelled by a user (true), or taken over by another worker (false) */
    wasCancelled: async () => {
      // the job may have stopped before the heartbeat finished reading why
      const row = await db.job.findUnique({ where: { id: job.id }, select: { cancelRequested: true, workerId: true } });
      return cancelled || (!!row?.cancelRequested && row.workerId === workerId);
    },
  };
}

/** Runs a claimed job of either type to its end (succeeded, failed, cancelled), or until
 *  another worker takes it over. */
export async function runJob(job: ClaimedJob, workerId: string) {
  if (job.type === RENDITIONS_JOB) return runRenditionsJob(job, workerId);
  return job.type === FACES_JOB ? runFacesJob(job, workerId) : runScanJob(job, workerId);
}

async function runScanJob(job: ClaimedJob, workerId: string) {
  const run = jobRun(job, workerId);
  // the folders page reads the Folder summary: refresh the folders the scan changed now and then
  // while a long (first) scan runs, never two at once, and once more at the end. A resumed job
  // (a worker died or gave it up) refreshes the whole root once, as it cannot know what the
  // lost run changed.
  let summary: Promise<void> | null = null;
  let summaryDue = Date.now() + FOLDER_SUMMARY_EVERY_MS;
  let wholeRoot = job.attempts > 1;
  let pending = new Set<string>();
  run.ctx.changed = (dirs) => {
    for (const d of dirs) pending.add(d);
  };
  const refreshSummary = (): Promise<void> => {
    if (summary) return summary;
    const started = Date.now();
    const dirs = pending;
    pending = new Set();
    const refresh = wholeRoot ? refreshFolderSummary(job.root) : refreshFolderSummaryOf(dirs);
    return (summary = refresh
      .then(() => {
        wholeRoot = false;
      })
      .catch((e: unknown) => {
        for (const d of dirs) pending.add(d);
        void appendLog(job.id, "warn", `could not refresh the folder summary: ${errorLine(e)}`).catch(() => {});
      })
      .finally(() => {
        summary = null;
        summaryDue = Date.now() + Math.max(FOLDER_SUMMARY_EVERY_MS, 20 * (Date.now() - started));
      }));
  };
  run.onProgress.push(() => {
    if (Date.now() >= summaryDue) void refreshSummary();
  });
  try {
    const kind = job.full ? "full rescan" : "scan";
    await appendLog(job.id, "info", job.attempts > 1 ? `resuming ${kind} (attempt ${job.attempts})` : `${kind} started`);
    const stats = await scanRoot(job.root, run.ctx, { full: job.full ? { since: job.startedAt } : false });
    await run.settle();
    await summary;
    if (stats.stopped) {
      if (await run.wasCancelled()) {
        await appendLog(job.id, "info", "cancelled");
        await refreshSummary();
        await finishJob(job.id, workerId, "cancelled", { progress: run.progress() });
      }
      return; // taken over by another worker: it finishes the job
    }
    const { stopped: _stopped, ...counts } = stats;
    if (statisticsDue(counts.added + counts.updated + counts.moved + counts.returned + counts.missing, counts.found)) {
      await refreshPlannerStatistics().catch((e: unknown) => appendLog(job.id, "warn", `could not refresh statistics: ${errorLine(e)}`).catch(() => {}));
    }
    await refreshSummary();
    // videos browsers cannot play, and faces: jobs of their own, so neither holds up a scan
    const waiting = await renditionsToMake(job.root);
    const scan = await db.job.findUnique({ where: { id: job.id }, select: { userId: true, requestedById: true } });
    if (waiting > 0) {
      const queued = await enqueueFollowUp(RENDITIONS_JOB, job.root, scan ?? {});
      await appendLog(job.id, "info", `${plural(waiting, "video")} to convert for the browser: ${queued.created ? "queued" : "already queued"}`);
    }
    await queueFaces(job.root, scan ?? {}, (line) => appendLog(job.id, "info", line));
    await finishJob(job.id, workerId, "succeeded", { stats: counts, progress: { done: stats.found, total: stats.found } });
  } catch (e) {
    await run.settle();
    await summary;
    const message = errorLine(e);
    await appendLog(job.id, "error", `scan failed: ${message}`).catch(() => {});
    await refreshSummary(); // what the scan indexed before failing shows in the folders too
    await finishJob(job.id, workerId, "failed", { error: message, progress: run.progress() }).catch(() => {});
  }
}

async function runRenditionsJob(job: ClaimedJob, workerId: string) {
  const run = jobRun(job, workerId);
  try {
    await appendLog(job.id, "info", job.attempts > 1 ? `resuming the video conversions (attempt ${job.attempts})` : "video conversions started");
    const stats = await makeRenditions(job.root, run.ctx, { claimant: renditionClaimant(job.id, workerId) });
    await run.settle();
    if (stats.stopped) {
      if (await run.wasCancelled()) {
        await appendLog(job.id, "info", "cancelled");
        await finishJob(job.id, workerId, "cancelled", { progress: run.progress() });
      }
      return;
    }
    await appendLog(job.id, "info", `done: ${stats.made} made, ${stats.failed} failed`);
    await finishJob(job.id, workerId, "succeeded", { stats: { made: stats.made, failed: stats.failed }, progress: run.progress() });
  } catch (e) {
    await run.settle();
    await releaseRenditionClaims(renditionClaimant(job.id, workerId)).catch(() => {});
    const message = errorLine(e);
    await appendLog(job.id, "error", `video conversions failed: ${message}`).catch(() => {});
    await finishJob(job.id, workerId, "failed", { error: message, progress: run.progress() }).catch(() => {});
  }
}

/** Queues a faces job for `root` when face detection is on (SiteSettings.faceDetection) and a
 *  photo under it waits for it, telling `log` so; `from` as for enqueueFollowUp. */
export async function queueFaces(root: string, from: { userId?: string | null; requestedById?: string | null }, log: (line: string) => Promise<unknown>) {
  if (!(await siteSwitchOn("faceDetection"))) return;
  const waiting = await facesToFind(root);
  if (waiting === 0) return;
  const queued = await enqueueFollowUp(FACES_JOB, root, from);
  await log(`${plural(waiting, "photo")} to look for faces in: ${queued.created ? "queued" : "already queued"}`);
}

/** Finds the faces under the job's root, then places them into the people of every user whose
 *  folders meet the root (face-clustering.ts). Placing runs also when detection found nothing
 *  new: a faces job queued for a folder given to a user places the faces already found there. */
async function runFacesJob(job: ClaimedJob, workerId: string) {
  const run = jobRun(job, workerId);
  try {
    await appendLog(job.id, "info", job.attempts > 1 ? `resuming face detection (attempt ${job.attempts})` : "face detection started");
    const stats = await findFaces(job.root, run.ctx, { claimant: `${job.id}:${workerId}` });
    if (!stats.stopped) {
      let placed = 0;
      for (const viewer of await viewersMeeting(job.root)) {
        if (run.ctx.shouldStop()) break;
        placed += (await placeFaces(viewer)).placed;
      }
      // no figures: a user whose folder is the root reads this line, and it counts every user's
      if (placed) run.ctx.log("info", "new faces placed into each user's people");
    }
    await run.settle();
    if (stats.stopped || run.ctx.shouldStop()) {
      if (await run.wasCancelled()) {
        await appendLog(job.id, "info", "cancelled");
        await finishJob(job.id, workerId, "cancelled", { progress: run.progress() });
      }
      return;
    }
    await finishJob(job.id, workerId, "succeeded", { stats: { analysed: stats.analysed, faces: stats.faces, failed: stats.failed }, progress: run.progress() });
  } catch (e) {
    await run.settle();
    const message = errorLine(e);
    await appendLog(job.id, "error", `face detection failed: ${message}`).catch(() => {});
    await finishJob(job.id, workerId, "failed", { error: message, progress: run.progress() }).catch(() => {});
  }
}

/** Starts a worker: one loop each for scans, video conversions and face detection, so a long
 *  conversion or detection never keeps a scan waiting. `stop` lets the running jobs finish. */
export function startWorker(log: (m: string) => void = () => {}): Worker {
  const id = newWorkerId();
  let stopping = false;
  const wakes = new Set<() => void>();
  const loop = async (type: JobType) => {
    while (!stopping) {
      try {
        const job = await claimNextJob(id, type);
        if (job) {
          log(`worker ${id}: ${{ scan: "scanning", renditions: "converting videos under", faces: "finding faces under" }[type]} ${job.root} (job ${job.id})`);
          await runJob(job, id);
          continue;
        }
      } catch (e) {
        log(`worker ${id}: ${errorLine(e)}`);
      }
      await new Promise<void>((r) => {
        wakes.add(r);
        setTimeout(() => {
          wakes.delete(r);
          r();
        }, IDLE_POLL_MS);
      });
    }
  };
  const done = Promise.all([loop(SCAN_JOB), loop(RENDITIONS_JOB), loop(FACES_JOB)]);
  return {
    id,
    running: () => !stopping,
    stop: async () => {
      stopping = true;
      for (const wake of wakes) wake();
      await done;
    },
  };
}
