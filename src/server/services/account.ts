// What every user may change of their own account. Scan path and admin rights are not here:
// only an admin changes those (user-admin.ts).
import type { ChangePasswordInput, UpdateAccountInput } from "~/lib/users";
import { hashPassword, verifyPassword } from "~/server/auth/password";
import { attemptSucceeded, beginAttempt } from "~/server/auth/throttle";
import { db } from "~/server/db";
import { AppError, signInRequired } from "~/server/errors";
import { storeNewPassword } from "./passwords";
import { getAccount } from "./users";

/** Changes the user's own name and e-mail (input parsed by updateAccountSchema); returns the
 *  account as getAccount. A taken e-mail fails with the database's unique violation. */
export async function updateAccount(userId: string, input: UpdateAccountInput) {
  await db.user.update({ where: { id: userId }, data: { name: input.name, email: input.email }, select: { id: true } });
  return getAccount(userId);
}

/** Checks the current password, stores the new one and ends every session of the user; the
 *  caller signs in again with the new password to keep working. */
export async function changeOwnPassword(userId: string, input: ChangePasswordInput) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, username: true, passwordHash: true } });
  if (!user) throw signInRequired();
  // guessing the current password with a stolen session is throttled like sign-in
  const accountKey = `user:${user.username}`;
  const attempt = await beginAttempt("signin", [accountKey]);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw AppError.field("BAD_REQUEST", "currentPassword", "The current password is not right.");
  }
  await attemptSucceeded(attempt, accountKey);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction((tx) => storeNewPassword(tx, user, passwordHash, user));
  return { ok: true as const };
}
