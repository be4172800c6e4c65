// What every user may change of their own account. Scan path and admin rights are not here:
// only an admin changes those (user-admin.ts).
import { changePasswordSchema, updateAccountSchema, type UpdateAccountInput } from "~/lib/users";
import { verifyPassword } from "~/server/auth/password";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { hashNewPassword, storeNewPassword } from "./passwords";
import { attemptSucceeded, beginAttempt } from "./throttle";
import { conflictError, getAccount } from "./users";

export async function updateAccount(userId: string, raw: UpdateAccountInput) {
  const input = updateAccountSchema.parse(raw);
  try {
    await db.user.update({ where: { id: userId }, data: { name: input.name, email: input.email }, select: { id: true } });
  } catch (e) {
    throw conflictError(e) ?? e;
  }
  return getAccount(userId);
}

/** Checks the current password, stores the new one and ends every session of the user; the
 *  caller signs in again with the new password to keep working. */
export async function changeOwnPassword(userId: string, raw: { currentPassword: string; newPassword: string }) {
  const input = changePasswordSchema.parse(raw);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, username: true, passwordHash: true } });
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  // guessing the current password with a stolen session is throttled like sign-in
  const accountKey = `user:${user.username}`;
  const attempt = await beginAttempt("signin", [accountKey]);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw AppError.field("BAD_REQUEST", "currentPassword", "The current password is not right.");
  }
  await attemptSucceeded(attempt, accountKey);
  const passwordHash = await hashNewPassword(input.newPassword, "newPassword");
  await db.$transaction((tx) => storeNewPassword(tx, user, passwordHash, user));
  return { ok: true as const };
}
