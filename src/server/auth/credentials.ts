import type { z } from "zod";
import { signInSchema } from "~/lib/identity";
import { db } from "~/server/db";
import { attemptSucceeded, beginAttempt, throttleKeys } from "./throttle";
import { hashPassword, verifyPassword } from "./password";

export type SessionIdentity = { userId: string; sessionVersion: number };

// Compared against when no user matches, so a wrong username costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

const byLogin = (login: string) => (login.includes("@") ? { email: login } : { username: login });
const findByLogin = (login: string) => db.user.findFirst({ where: byLogin(login), select: { username: true } });

/** Sign-in as the login form and API do it: throttled per client address and per login.
 *  Throws AppError TOO_MANY_REQUESTS (with when to retry) once the limit is reached. */
export async function signIn(raw: unknown, ip: string | null): Promise<SessionIdentity | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  // counted per account, whichever of its username or e-mail was typed
  const account = await findByLogin(parsed.data.username);
  const keys = throttleKeys(ip, account?.username ?? parsed.data.username);
  const attempt = await beginAttempt("signin", keys);
  const identity = await checkCredentials(parsed.data);
  if (identity) await attemptSucceeded(attempt, keys[1]!);
  return identity;
}

/** Checks a username-or-e-mail and password as a sign-in form sends them, unthrottled; the
 *  caller learns only success or failure. */
export async function verifyCredentials(raw: unknown): Promise<SessionIdentity | null> {
  const parsed = signInSchema.safeParse(raw);
  return parsed.success ? checkCredentials(parsed.data) : null;
}

async function checkCredentials({ username: login, password }: z.output<typeof signInSchema>): Promise<SessionIdentity | null> {
  const user = await db.user.findFirst({
    where: byLogin(login),
    select: { id: true, passwordHash: true, sessionVersion: true },
  });
  if (!user) {
    await verifyPassword(password, await (decoyHash ??= hashPassword("decoy-password")));
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() }, select: { id: true } });
  return { userId: user.id, sessionVersion: user.sessionVersion };
}
