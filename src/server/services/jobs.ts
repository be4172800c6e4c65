// The scan jobs as users and admins see them: listing, reading logs, cancelling. An admin sees
// every job whole; a user the jobs covering their folder, in their folder's terms.
import path from "node:path";
import type { SessionUser } from "~/server/auth/session";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { isCourseLine, requestCancel } from "~/server/jobs/queue";
import { namesPathIn, textInViewerTerms } from "~/server/library/viewer-paths";

type Caller = Pick<SessionUser, "id" | "isAdmin" | "scanPaths">;

/** The roots a job may have that cover one of these scan folders: each folder and each folder
 *  above it. */
function coveringRoots(scanPaths: readonly string[]) {
  const roots = new Set<string>();
  for (const scanPath of scanPaths) {
    roots.add(scanPath);
    for (let p = scanPath; path.dirname(p) !== p; p = path.dirname(p)) roots.add(path.dirname(p));
  }
  return [...roots];
}

function jobsVisibleTo(caller: Caller) {
  if (caller.isAdmin) return {};
  return caller.scanPaths.length ? { root: { in: coveringRoots(caller.scanPaths) } } : { id: "-" };
}

const jobSelect = {
  id: true,
  type: true,
  status: true,
  root: true,
  userId: true,
  progressDone: true,
  progressTotal: true,
  queuedAt: true,
  startedAt: true,
  heartbeatAt: true,
  finishedAt: true,
  error: true,
  stats: true,
  cancelRequested: true,
  full: true,
  requestedById: true,
  requestedBy: { select: { username: true } },
} as const;

/** True when the job's root lies above `caller`'s folders (is none of them): its figures
 *  (progress, stats, the counts of its lines) cover other users' folders too. */
function insideBiggerRoot(caller: Caller, root: string | null) {
  return !caller.isAdmin && caller.scanPaths.length > 0 && !!root && !caller.scanPaths.includes(root);
}

/** A log line or error as `caller` may read it: whole for an admin; for a user, in the terms of
 *  their own folders, or null when it is about other folders under the job's root. */
function forCaller(caller: Caller, root: string | null, text: string) {
  if (caller.isAdmin || !root || !caller.scanPaths.length) return text;
  return textInViewerTerms(text, caller.scanPaths, root);
}

/** A log line as `caller` may read it (forCaller); under a bigger root, only the job's course and
 *  lines naming the caller's own folder: any other line counts or names the whole root. */
function lineForCaller(caller: Caller, root: string | null, text: string) {
  if (!insideBiggerRoot(caller, root)) return forCaller(caller, root, text);
  if (!isCourseLine(text) && !namesPathIn(text, caller.scanPaths)) return null;
  // "rendition 2 of 9 made for <their file>": the 9 counts the whole root's videos
  return forCaller(caller, root, text.replace(/^rendition \d+ of \d+ /, "rendition "));
}

type JobRow = NonNullable<Awaited<ReturnType<typeof db.job.findFirst<{ select: typeof jobSelect }>>>>;

/** A job as the API shows it (`full`: a full rescan, every file re-read). A non-admin's root is "" (their own folder: a job's root is one of their
 *  scan folders or a folder above it), never a server path; under a bigger root they get no figures
 *  (`stats` null, `progress` 0 of 0), which would count other users' files, and a job another
 *  user asked for says "another user", without their name or id. */
function shape(caller: Caller, j: JobRow) {
  const figures = !insideBiggerRoot(caller, j.root);
  const own = caller.isAdmin || !j.requestedById || j.requestedById === caller.id;
  return {
    id: j.id,
    type: j.type,
    status: j.status,
    progress: figures ? { done: j.progressDone, total: j.progressTotal } : { done: 0, total: 0 },
    scope: { root: caller.isAdmin ? j.root : "" },
    // another user's name and id are not a user's business: only that someone asked
    requestedBy: own ? (j.requestedBy?.username ?? (j.requestedById ? "(deleted user)" : "schedule")) : "another user",
    requestedById: own ? j.requestedById : null,
    queuedAt: j.queuedAt,
    startedAt: j.startedAt,
    heartbeatAt: j.heartbeatAt,
    finishedAt: j.finishedAt,
    error: j.error === null ? null : (forCaller(caller, j.root, j.error) ?? "The scan failed; an admin can read why in the worker logs."),
    stats: figures ? (j.stats as Record<string, number> | null) : null,
    cancelRequested: j.cancelRequested,
    full: j.full,
  };
}

/** A keyset page of the jobs `caller` may see, newest first: `{ items, nextCursor }`; `limit`
 *  defaults to 20. A cursor naming a job they may not see is an empty page, as a missing one is:
 *  it neither confirms nor dates another user's job. */
export async function listJobs(caller: Caller, opts: { limit?: number; cursor?: string } = {}) {
  const limit = opts.limit ?? 20;
  if (opts.cursor && !(await db.job.findFirst({ where: { id: opts.cursor, ...jobsVisibleTo(caller) }, select: { id: true } }))) {
    return { items: [], nextCursor: null };
  }
  const rows = await db.job.findMany({
    where: jobsVisibleTo(caller),
    orderBy: [{ queuedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: jobSelect,
  });
  const items = rows.slice(0, limit).map((j) => shape(caller, j));
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}

/** One job with its last 500 log lines, as `caller` may read them; NOT_FOUND when not theirs to see. */
export async function getJob(caller: Caller, id: string) {
  const job = await db.job.findFirst({ where: { id, ...jobsVisibleTo(caller) }, select: jobSelect });
  if (!job) throw new AppError("NOT_FOUND", "No such job.");
  const logs = await db.jobLog.findMany({
    where: { jobId: id },
    orderBy: { id: "desc" },
    take: 500,
    select: { id: true, at: true, level: true, message: true },
  });
  const lines = logs.reverse().map((l) => ({ ...l, message: lineForCaller(caller, job.root, l.message) }));
  return { ...shape(caller, job), logs: lines.filter((l): l is typeof l & { message: string } => l.message !== null) };
}

/** Cancels a queued job at once, or asks a running one to stop: `{ status: "cancelled" | "stopping" }`.
 *  Admins, or the user who queued it; a finished job is BAD_REQUEST. */
export async function cancelJob(caller: Caller, id: string) {
  const job = await db.job.findFirst({ where: { id, ...jobsVisibleTo(caller) }, select: { requestedById: true, status: true } });
  if (!job) throw new AppError("NOT_FOUND", "No such job.");
  if (!caller.isAdmin && job.requestedById !== caller.id) {
    throw new AppError("FORBIDDEN", "Only an admin or the user who started this scan can cancel it.");
  }
  const outcome = await requestCancel(id);
  if (outcome === "finished") throw new AppError("BAD_REQUEST", `This scan has already ${job.status === "queued" ? "started" : "finished"}.`);
  return { status: outcome };
}
