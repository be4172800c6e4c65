// Asking for scans: a user of their own folder, an admin of anyone's or everyone's.
import type { SessionUser } from "~/server/auth/session";
import { db } from "~/server/db";
import { requireScanPath } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { enqueueScan } from "~/server/jobs/queue";
import { allRoots, rootCovering } from "~/server/jobs/roots";

type Caller = Pick<SessionUser, "id" | "isAdmin" | "scanPath">;

/** Queues scans: a user of their own folder; an admin of anyone's (userId) or everyone's (no
 *  userId). `full` (admins only, FORBIDDEN otherwise) re-reads every file's metadata and
 *  previews. Returns `{ jobIds }`; a scan already queued for the root is reused (and made full). */
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
  const target = await db.user.findUnique({ where: { id: targetId }, select: { id: true, scanPath: true } });
  if (!target) throw new AppError("NOT_FOUND", "No such user.");
  const scanPath = requireScanPath(target, targetId === caller.id);
  const job = await enqueueScan({ root: await rootCovering(scanPath), userId: target.id, requestedById: caller.id, full });
  return { jobIds: [job.id] };
}
