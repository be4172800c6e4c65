// One way to set a password, for the web UI (admin and own account) and the CLI: the shared
// policy, one hashing function, all sessions of the user ended, an audit event.
import { hashPassword } from "~/server/auth/password";
import { db, type Tx } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit, type Actor } from "./audit";

/** Stores a new password hash and ends every session of the user, with an audit event. */
export async function storeNewPassword(
  tx: Tx,
  target: { id: string; username: string },
  passwordHash: string,
  actor: Actor,
  via: "web" | "cli" = "web",
) {
  await tx.user.update({ where: { id: target.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true } });
  await recordAudit(tx, { actor, action: "user.password_changed", target, details: { via } });
}

/** For scripts/changepassword.ts, which checks the password policy itself: `{ id, username }`,
 *  or NOT_FOUND for an unknown username. */
export async function changePasswordByUsername(username: string, password: string) {
  const user = await db.user.findUnique({ where: { username: username.trim().toLowerCase() }, select: { id: true, username: true } });
  if (!user) throw new AppError("NOT_FOUND", `No user named '${username}'.`);
  const passwordHash = await hashPassword(password);
  await db.$transaction((tx) => storeNewPassword(tx, user, passwordHash, "system", "cli"));
  return user;
}
