// Asking for scans: a user of their own folder, an admin of anyone's or everyone's.
import type { SessionUser } from "~/server/auth/session";
import { db } from "~/server/db";
import { photosUnder, requireScanPaths } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { siteSwitchOn } from "~/server/db/site-settings";
import { enqueueFollowUp, enqueueScan, FACES_JOB, SCAN_JOB } from "~/server/jobs/queue";
import { allRoots, rootCovering } from "~/server/jobs/roots";
import { isInside } from "~/server/library/paths";
import { recordAudit, type Actor } from "./audit";

type Caller = Pick<SessionUser, "id" | "isAdmin">;

/** Queues scans: a user of their own folders; an admin of anyone's (userId) or everyone's (no
 *  userId). One job per root covering the user's folders (jobs/roots.ts: folders shared or
 *  nested are walked once). `full` (admins only, FORBIDDEN otherwise) re-reads every file's
 *  metadata and previews. Returns `{ jobIds }`; a scan already queued for a root is reused (and
 *  made full). A user without a folder: BAD_REQUEST saying to ask an admin. */
export async function startScan(caller: Caller, userId?: string, full = false) {
  if (full && !caller.isAdmin) throw new AppError("FORBIDDEN", "Only an admin can ask for a full rescan.");
  if (!userId && caller.isAdmin) {
    const roots = await allRoots();
    if (!roots.length) throw new AppError("BAD_REQUEST", "No user has a scan path yet: set one in the user panel first.");
    const jobs = await Promise.all(roots.map((root) => enqueueScan({ root, requestedById: caller.id, full })));
    return { jobIds: jobs.map((j) => j.id) };
  }
  const targetId = userId ?? caller.id;
  if (targetId !== caller.id && !caller.isAdmin) throw new AppError("FORBIDDEN", "You can only scan your own folder.");
  const target = await db.user.findUnique({ where: { id: targetId }, select: { id: true, scanPaths: { select: { path: true } } } });
  if (!target) throw new AppError("NOT_FOUND", "No such user.");
  const scanPaths = requireScanPaths({ id: target.id, scanPaths: target.scanPaths.map((s) => s.path) }, targetId === caller.id);
  const roots = [...new Set(await Promise.all(scanPaths.map((p) => rootCovering(p))))];
  const jobs = [];
  for (const root of roots) jobs.push(await enqueueScan({ root, userId: target.id, requestedById: caller.id, full }));
  return { jobIds: jobs.map((j) => j.id) };
}

/** Queues the scan of a folder an admin just gave a user (created with it, or changed to it),
 *  through the same queue as Scan now, so the user's first page shows the scan rather than an
 *  empty library. The "system" actor (test factories, importers) queues nothing: that code
 *  fills the index or asks for scans itself. A folder already indexed (photos under it) or inside
 *  a root whose scan is queued (it walks the folder) needs nothing; a root scanned before, or
 *  being scanned, may have walked the folder before its files were copied in, so it gets a new
 *  scan. Returns the job queued, or null. A folder already indexed gets a faces job instead
 *  (while face detection is on), which places the faces found there into the user's people in
 *  the worker, never in their requests.
 *  The audit event names the root and the user it was queued for; its target stays empty,
 *  since the account itself did not change. */
export async function scanNewFolder(actor: Actor, target: { id: string; username: string }, scanPath: string) {
  if (actor === "system") return null;
  const covering = await db.job.findMany({
    where: { type: SCAN_JOB, status: "queued" },
    distinct: ["root"],
    select: { root: true },
  });
  if (covering.some((j) => j.root && isInside(scanPath, j.root))) return null;
  if (await db.photo.findFirst({ where: photosUnder(scanPath), select: { id: true } })) {
    if (await siteSwitchOn("faceDetection")) await enqueueFollowUp(FACES_JOB, scanPath, { userId: target.id, requestedById: actor.id });
    return null;
  }
  const root = await rootCovering(scanPath);
  const job = await enqueueScan({ root, userId: target.id, requestedById: actor.id });
  if (job.created) await recordAudit(db, { actor, action: "scan.queued", details: { root, for: target.username, reason: "new scan path" } });
  return job;
}
