import { signInSchema } from "~/lib/identity";
import { db } from "~/server/db";
import { assertNotThrottled, forgetFailures, recordAttempt, throttleKeys } from "~/server/services/throttle";
import { hashPassword, verifyPassword } from "./password";

export type SessionIdentity = { userId: string; sessionVersion: number };

// Compared against when no user matches, so a wrong username costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/** Sign-in as the login form and API do it: throttled per client address and per login.
 *  Throws AppError TOO_MANY_REQUESTS (with when to retry) once the limit is reached. */
export async function signIn(raw: unknown, ip: string | null): Promise<SessionIdentity | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const keys = throttleKeys(ip, parsed.data.username);
  await assertNotThrottled("signin", keys);
  const identity = await verifyCredentials(parsed.data);
  if (identity) await forgetFailures("signin", keys[1]!);
  else await recordAttempt("signin", keys, false);
  return identity;
}

/** Checks a username-or-e-mail and password; the caller learns only success or failure. */
export async function verifyCredentials(raw: unknown): Promise<SessionIdentity | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { username: login, password } = parsed.data;
  const user = await db.user.findFirst({
    where: login.includes("@") ? { email: login } : { username: login },
    select: { id: true, passwordHash: true, sessionVersion: true },
  });
  if (!user) {
    await verifyPassword(password, await (decoyHash ??= hashPassword("decoy-password")));
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { userId: user.id, sessionVersion: user.sessionVersion };
}
