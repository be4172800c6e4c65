// The job table is the queue, the lock and the log. The unique columns queuedRoot and
// runningRoot let the database itself allow one queued and one running scan per root, and a
// conditional update hands a job to exactly one worker, on SQLite and PostgreSQL alike.
import { randomUUID } from "node:crypto";
import { env } from "~/env";
import { db } from "~/server/db";
import { uniqueViolation } from "~/server/db/unique-violation";
import { releaseRenditionClaims, renditionClaimant } from "~/server/scanner/rendition-claims";

export const SCAN_JOB = "scan";
/** Makes the browser-playable copies of the videos under a root; queued by its scan. */
export const RENDITIONS_JOB = "renditions";
/** Finds the faces in the photos under a root not analysed yet, and groups them into each
 *  user's people; queued by its scan (issue 19). */
export const FACES_JOB = "faces";
export type JobType = typeof SCAN_JOB | typeof RENDITIONS_JOB | typeof FACES_JOB;
/** The jobs a scan queues for what it found, each run by a loop of its own. */
export type FollowUpJob = typeof RENDITIONS_JOB | typeof FACES_JOB;

/** The value a job of this type holds in queuedRoot/runningRoot: one queued and one running of
 *  each type per root, and a renditions or faces job never keeps a scan of its root waiting. */
const rootKey = (type: JobType, root: string) => (type === SCAN_JOB ? root : `${type}:${root}`);
export const HEARTBEAT_MS = env.JOB_HEARTBEAT_MS;
/** a running job whose heartbeat is older than this lost its worker */
export const STALE_MS = env.JOB_STALE_MS;
/** a job is taken over at most this many times, then failed */
export const MAX_ATTEMPTS = 3;

/** `full`: re-read every file, not only new and changed ones. */
export type EnqueueOptions = { root: string; userId?: string | null; requestedById?: string | null; dedupeKey?: string; full?: boolean };

/** Queues a scan of `root`, or returns the scan already queued for it (or for the same slot),
 *  made a full rescan when this request asks for one. */
export async function enqueueScan(opts: EnqueueOptions): Promise<{ id: string; created: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const job = await db.job.create({
        data: {
          type: SCAN_JOB,
          root: opts.root,
          queuedRoot: opts.root,
          userId: opts.userId ?? null,
          requestedById: opts.requestedById ?? null,
          dedupeKey: opts.dedupeKey ?? null,
          full: opts.full ?? false,
        },
        select: { id: true },
      });
      return { ...job, created: true };
    } catch (e) {
      if (!uniqueViolation(e)) throw e;
      const existing = await db.job.findFirst({
        where: opts.dedupeKey ? { OR: [{ queuedRoot: opts.root }, { dedupeKey: opts.dedupeKey }] } : { queuedRoot: opts.root },
        select: { id: true },
      });
      if (existing) {
        // claimed in between: then this full rescan needs a job of its own, next time round
        if (opts.full && (await db.job.updateMany({ where: { id: existing.id, status: "queued" }, data: { full: true } })).count === 0) continue;
        return { ...existing, created: false };
      }
      // the queued job was claimed in between: try again
    }
  }
  throw new Error(`could not queue a scan of ${opts.root}`);
}

/** Queues a follow-up job of `type` (renditions, faces) for `root`, unless one is queued for it
 *  already (then that one is returned); `from` is the scan that found the work (its user and who
 *  asked for it carry over, so the worker logs say who started it). */
export async function enqueueFollowUp(type: FollowUpJob, root: string, from: { userId?: string | null; requestedById?: string | null } = {}): Promise<{ id: string; created: boolean }> {
  const key = rootKey(type, root);
  try {
    const job = await db.job.create({
      data: { type, root, queuedRoot: key, userId: from.userId ?? null, requestedById: from.requestedById ?? null },
      select: { id: true },
    });
    return { ...job, created: true };
  } catch (e) {
    if (!uniqueViolation(e)) throw e;
    const queued = await db.job.findFirst({ where: { queuedRoot: key }, select: { id: true } });
    // claimed in between: that job reads what there is to do when it starts, so this is one
    return queued ? { ...queued, created: false } : enqueueFollowUp(type, root, from);
  }
}

/** Queues the renditions of the videos under `root` (enqueueFollowUp). */
export const enqueueRenditions = (root: string, from: { userId?: string | null; requestedById?: string | null } = {}) => enqueueFollowUp(RENDITIONS_JOB, root, from);

export const newWorkerId = () => `${process.pid}-${randomUUID().slice(0, 8)}`;

/** `startedAt`: when the first worker took it (a resumed full rescan skips what it re-read since). */
export type ClaimedJob = { id: string; type: JobType; root: string; attempts: number; full: boolean; startedAt: Date };

/** Takes the oldest queued job of `type` (a scan by default) whose root has none of that type
 *  running, or one whose worker died. */
export async function claimNextJob(workerId: string, type: JobType = SCAN_JOB): Promise<ClaimedJob | null> {
  return (await takeOverStaleJob(workerId, type)) ?? (await claimQueuedJob(workerId, type));
}

async function claimQueuedJob(workerId: string, type: JobType): Promise<ClaimedJob | null> {
  const candidates = await db.job.findMany({
    where: { status: "queued", type },
    orderBy: { queuedAt: "asc" },
    take: 10,
    select: { id: true, root: true, full: true },
  });
  for (const c of candidates) {
    const now = new Date();
    try {
      const claimed = await db.job.updateMany({
        where: { id: c.id, status: "queued" },
        data: {
          status: "running",
          workerId,
          startedAt: now,
          heartbeatAt: now,
          queuedRoot: null,
          runningRoot: rootKey(type, c.root!),
          attempts: { increment: 1 },
        },
      });
      if (claimed.count === 1) return { id: c.id, type, root: c.root!, attempts: 1, full: c.full, startedAt: now };
    } catch (e) {
      if (!uniqueViolation(e)) throw e; // that root is being scanned: leave the job queued
    }
  }
  return null;
}

async function takeOverStaleJob(workerId: string, type: JobType): Promise<ClaimedJob | null> {
  const stale = await db.job.findFirst({
    where: { status: "running", type, heartbeatAt: { lt: new Date(Date.now() - STALE_MS) } },
    orderBy: { heartbeatAt: "asc" },
    select: { id: true, root: true, attempts: true, heartbeatAt: true, workerId: true, full: true, startedAt: true },
  });
  if (!stale) return null;
  // attempts counts the first claim too: MAX_ATTEMPTS takeovers are allowed
  if (stale.attempts > MAX_ATTEMPTS) {
    await finishJob(stale.id, stale.workerId ?? "", "failed", {
      error: `its worker stopped responding ${stale.attempts} times; giving up`,
    });
    return null;
  }
  // the old heartbeat in the condition: of several workers noticing, one takes it
  const taken = await db.job.updateMany({
    where: { id: stale.id, status: "running", heartbeatAt: stale.heartbeatAt },
    data: { workerId, heartbeatAt: new Date(), attempts: { increment: 1 } },
  });
  if (taken.count !== 1) return null;
  const handedBack = stale.workerId?.endsWith("(handed back)");
  await appendLog(stale.id, handedBack ? "info" : "warn", handedBack ? `resumed by worker ${workerId}` : `worker ${stale.workerId} stopped responding; resumed by worker ${workerId}`);
  return { id: stale.id, type, root: stale.root!, attempts: stale.attempts + 1, full: stale.full, startedAt: stale.startedAt ?? new Date() };
}

/** A worker shutting down hands its running job back: made stale at once, so the next worker
 *  resumes it without waiting STALE_MS, and without spending one of its takeovers. The worker id
 *  changes with it, so a heartbeat or finish still on its way from the old worker is refused. */
export async function handBackJobs(workerId: string) {
  const jobs = await db.job.findMany({ where: { workerId, status: "running" }, select: { id: true, type: true } });
  let handed = 0;
  for (const { id, type } of jobs) {
    const res = await db.job.updateMany({
      where: { id, workerId, status: "running" },
      data: { workerId: `${workerId} (handed back)`, heartbeatAt: new Date(0), attempts: { decrement: 1 } },
    });
    if (res.count !== 1) continue;
    handed++;
    // the renditions it was making are taken again by the job when it resumes, without a try spent
    await releaseRenditionClaims(renditionClaimant(id, workerId));
    await appendLog(id, "info", `worker ${workerId} is shutting down; the next worker resumes ${RESUMES[type as JobType] ?? RESUMES.scan}`);
  }
  return handed;
}

const RESUMES: Record<JobType, string> = { scan: "this scan", renditions: "these conversions", faces: "this face detection" };

/** A scan's progress counts files; a renditions job's, seconds of video; a faces job's, photos. */
export type JobProgress = { done: number; total: number };

const progressColumns = (p: JobProgress) => ({ progressDone: p.done, progressTotal: p.total });

/** Heartbeat with progress. False when the job is no longer this worker's or was cancelled. */
export async function heartbeat(jobId: string, workerId: string, progress?: JobProgress) {
  const res = await db.job.updateMany({
    where: { id: jobId, workerId, status: "running", cancelRequested: false },
    data: { heartbeatAt: new Date(), ...(progress ? progressColumns(progress) : {}) },
  });
  return res.count === 1;
}

/** The lines that tell a job's course (started, resumed, handed over, cancelled, failed) and say
 *  nothing about the files under its root; every other line is about files and names the path
 *  it concerns, or counts the whole root (services/jobs.ts shows those only to who may see it all). */
const COURSE_LINES = [
  /^(scan|full rescan|video conversions|face detection) started$/,
  /^resuming (scan|full rescan|the video conversions|face detection) \(attempt \d+\)$/,
  /^cancelled$/,
  /^resumed by worker \S+$/,
  /^worker \S+ stopped responding; resumed by worker \S+$/,
  /^worker \S+ is shutting down; the next worker resumes (these conversions|this scan|this face detection)$/,
  /^(scan|video conversions|face detection) failed: /,
];

/** True for a line written by the queue or worker about the job's course (COURSE_LINES). */
export const isCourseLine = (message: string) => COURSE_LINES.some((re) => re.test(message));

/** Adds a line to a job's log (cut at 2,000 characters). */
export async function appendLog(jobId: string, level: "info" | "warn" | "error", message: string) {
  await db.jobLog.create({ data: { jobId, level, message: message.slice(0, 2000) } });
}

export async function finishJob(
  jobId: string,
  workerId: string,
  status: "succeeded" | "failed" | "cancelled",
  extra: { error?: string; stats?: Record<string, number | boolean>; progress?: JobProgress } = {},
) {
  await db.job.updateMany({
    where: { id: jobId, workerId, status: "running" },
    data: {
      status,
      finishedAt: new Date(),
      runningRoot: null,
      error: extra.error ?? null,
      stats: extra.stats,
      ...(extra.progress ? progressColumns(extra.progress) : {}),
    },
  });
}

/** Cancels a queued job at once; asks a running one to stop (its worker sees it within a heartbeat). */
export async function requestCancel(jobId: string) {
  const queued = await db.job.updateMany({
    where: { id: jobId, status: "queued" },
    data: { status: "cancelled", queuedRoot: null, finishedAt: new Date() },
  });
  if (queued.count) return "cancelled" as const;
  const running = await db.job.updateMany({ where: { id: jobId, status: "running" }, data: { cancelRequested: true } });
  return running.count ? ("stopping" as const) : ("finished" as const);
}
