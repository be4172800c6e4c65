import { signInSchema } from "~/lib/identity";
import { db } from "~/server/db";
import { hashPassword, verifyPassword } from "./password";

export type SessionIdentity = { userId: string; sessionVersion: number };

// Compared against when no user matches, so a wrong username costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

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
