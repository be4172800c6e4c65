// One way to set a password, for the web UI (admin and own account) and the CLI: the shared
// policy, one hashing function, all sessions of the user ended, an audit event.
import { passwordSchema } from "~/lib/identity";
import { hashPassword } from "~/server/auth/password";
import { db, type Tx } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit, type Actor } from "./audit";

/** For input that did not pass a router (the CLI): checks the policy and hashes; throws the
 *  policy's message as a field error. */
export async function hashNewPassword(password: string, field = "password") {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw AppError.field("BAD_REQUEST", field, parsed.error.issues[0]!.message);
  return hashPassword(parsed.data);
}

/** Stores a hash made by hashNewPassword and ends every session of the user. */
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

/** For scripts/changepassword.ts. */
export async function changePasswordByUsername(username: string, password: string) {
  const user = await db.user.findUnique({ where: { username: username.trim().toLowerCase() }, select: { id: true, username: true } });
  if (!user) throw new AppError("NOT_FOUND", `No user named '${username}'.`);
  const passwordHash = await hashNewPassword(password);
  await db.$transaction((tx) => storeNewPassword(tx, user, passwordHash, "system", "cli"));
  return user;
}
