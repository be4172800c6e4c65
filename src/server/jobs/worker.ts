// A scan worker: claims jobs from the table and runs them, with a heartbeat that also carries
// progress and notices cancellation or a takeover. Runs inside the web process (SCAN_WORKER=on)
// or alone (scripts/worker.ts).
import { db } from "~/server/db";
import { refreshFolderSummary } from "~/server/db/folder-summary";
import { refreshPlannerStatistics } from "~/server/db/maintenance";
import { makeRenditions, type RenditionStats } from "~/server/scanner/renditions";
import { scanRoot, type ScanContext } from "~/server/scanner/scan-root";
import { appendLog, claimNextJob, finishJob, heartbeat, HEARTBEAT_MS, newWorkerId, type ClaimedJob, type JobProgress } from "./queue";
import { errorLine } from "~/lib/error-text";

const IDLE_POLL_MS = 1_000;
/** Folder summary refreshes during a scan: at least this far apart, and 20 times as far as the last one took. */
const FOLDER_SUMMARY_EVERY_MS = 10_000;

export type Worker = { id: string; stop: () => Promise<void>; running: () => boolean };

export async function runJob(job: ClaimedJob, workerId: string) {
  let stop = false;
  let cancelled = false;
  let progress: JobProgress = { done: 0, total: 0, phase: "files", phaseStartedAt: null };
  const logs: Promise<unknown>[] = [];
  const beat = async () => {
    const mine = await heartbeat(job.id, workerId, progress).catch(() => true);
    if (!mine) {
      stop = true;
      const row = await db.job.findUnique({ where: { id: job.id }, select: { cancelRequested: true, workerId: true } });
      cancelled = !!row?.cancelRequested && row.workerId === workerId;
    }
  };
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  // the folders page reads the Folder summary: refresh it now and then while a long (first) scan
  // runs, never two at once, and once more at the end
  let summary: Promise<void> | null = null;
  let summaryDue = Date.now() + FOLDER_SUMMARY_EVERY_MS;
  const refreshSummary = () => {
    const started = Date.now();
    return (summary ??= refreshFolderSummary(job.root)
      .catch((e: unknown) => void appendLog(job.id, "warn", `could not refresh the folder summary: ${errorLine(e)}`).catch(() => {}))
      .finally(() => {
        summary = null;
        summaryDue = Date.now() + Math.max(FOLDER_SUMMARY_EVERY_MS, 20 * (Date.now() - started));
      }));
  };
  try {
    const kind = job.full ? "full rescan" : "scan";
    await appendLog(job.id, "info", job.attempts > 1 ? `resuming ${kind} (attempt ${job.attempts})` : `${kind} started`);
    const ctx: ScanContext = {
      log: (level, message) => logs.push(appendLog(job.id, level, message).catch(() => {})),
      progress: (done, total) => {
        progress = { ...progress, done, total };
        if (Date.now() >= summaryDue) void refreshSummary();
      },
      phase: (name) => {
        progress = { done: 0, total: 0, phase: name, phaseStartedAt: new Date() };
      },
      shouldStop: () => stop,
    };
    const stats = await scanRoot(job.root, ctx, { full: job.full ? { since: job.startedAt } : false });
    let renditions: RenditionStats | null = null;
    if (!stats.stopped) {
      const { stopped: _stopped, ...counts } = stats;
      if (counts.added + counts.updated + counts.moved + counts.returned + counts.missing > 0) {
        await refreshPlannerStatistics().catch((e: unknown) => appendLog(job.id, "warn", `could not refresh statistics: ${errorLine(e)}`).catch(() => {}));
      }
      // after every scan, not only one that changed something: a cancelled or failed run may have
      // indexed photos that this run found unchanged; and before the renditions, so that what was
      // found is browsable while videos are converted
      await refreshSummary();
      renditions = await makeRenditions(job.root, ctx);
    }
    clearInterval(timer);
    await Promise.all(logs);
    await summary;
    if (stats.stopped || renditions?.stopped) {
      // the scan may have stopped before the heartbeat finished reading why
      const row = await db.job.findUnique({ where: { id: job.id }, select: { cancelRequested: true, workerId: true } });
      if (cancelled || (row?.cancelRequested && row.workerId === workerId)) {
        await appendLog(job.id, "info", "cancelled");
        await refreshSummary();
        await finishJob(job.id, workerId, "cancelled", { progress });
      }
      return; // taken over by another worker: it finishes the job
    }
    const { stopped: _stopped, ...counts } = stats;
    const made = { renditionsMade: renditions?.made ?? 0, renditionsFailed: renditions?.failed ?? 0 };
    // the bar ends full on the files: the renditions are in the stats and the log
    await finishJob(job.id, workerId, "succeeded", { stats: { ...counts, ...made }, progress: { done: stats.found, total: stats.found, phase: "files", phaseStartedAt: null } });
  } catch (e) {
    clearInterval(timer);
    await Promise.all(logs);
    await summary;
    const message = errorLine(e);
    await appendLog(job.id, "error", `scan failed: ${message}`).catch(() => {});
    await refreshSummary(); // what the scan indexed before failing shows in the folders too
    await finishJob(job.id, workerId, "failed", { error: message, progress }).catch(() => {});
  }
}

export function startWorker(log: (m: string) => void = () => {}): Worker {
  const id = newWorkerId();
  let stopping = false;
  let busy: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  const loop = async () => {
    while (!stopping) {
      try {
        const job = await claimNextJob(id);
        if (job) {
          log(`worker ${id}: scanning ${job.root} (job ${job.id})`);
          busy = runJob(job, id);
          await busy;
          busy = null;
          continue;
        }
      } catch (e) {
        log(`worker ${id}: ${errorLine(e)}`);
      }
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, IDLE_POLL_MS);
      });
    }
  };
  const done = loop();
  return {
    id,
    running: () => !stopping,
    stop: async () => {
      stopping = true;
      wake?.();
      await done;
    },
  };
}
