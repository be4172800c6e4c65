// Giving back the renditions a job was converting. Apart from renditions.ts so that the job queue
// (imported by the web process, which never converts) does not pull in the code that opens
// library files, which makes the build trace the whole project.
import { db } from "~/server/db";

/** The name of a renditions job's claims while `workerId` runs it. */
export const renditionClaimant = (jobId: string, workerId: string) => `${jobId}:${workerId}`;

/** Gives back what `claimant` (a renditions job) was converting, or only `sourceHash` of it,
 *  without spending its try: the job stopped (cancelled, handed back at shutdown, failed) or the
 *  source could not be converted for reasons not its own before the conversion ended. */
export async function releaseRenditionClaims(claimant: string, sourceHash?: string) {
  await db.rendition.updateMany({
    where: { claimedBy: claimant, status: "running", ...(sourceHash ? { sourceHash } : {}) },
    data: { status: "pending", claimedBy: null, attempts: { decrement: 1 } },
  });
}
