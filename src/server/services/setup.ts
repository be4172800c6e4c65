// First-run setup: while no user exists, anyone may create the first admin, exactly once.
import type { NewAccountInput } from "~/lib/identity";
import { hashPassword } from "~/server/auth/password";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit } from "./audit";
import { insertUser } from "./users";

/** True while no user exists: the first page then asks for the first admin. */
export async function needsSetup() {
  return (await db.user.findFirst({ select: { id: true } })) === null;
}

const closed = () => new AppError("FORBIDDEN", "Folio is already set up: sign in instead.");

/** Creates the first user as an admin: `{ id, username }`. FORBIDDEN once any user exists; of
 *  racing calls exactly one succeeds. */
export async function setupAdmin(input: NewAccountInput) {
  if (!(await needsSetup())) throw closed();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // The conditional update is the lock: of racing setups (threads, processes or hosts)
    // exactly one flips setupCompletedAt; the others see count 0 and give up.
    const claim = await tx.siteSettings.updateMany({
      where: { id: 1, setupCompletedAt: null },
      data: { setupCompletedAt: new Date() },
    });
    if (claim.count !== 1 || (await tx.user.count()) > 0) throw closed();
    const user = await insertUser(tx, { ...input, passwordHash, isAdmin: true });
    await recordAudit(tx, { actor: user, action: "setup.admin_created", target: user });
    return user;
  });
}
