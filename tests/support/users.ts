// Test helpers that act the way a signed-in client does: through the tRPC router.
import { createCaller } from "~/server/api/root";
import { createInnerTRPCContext } from "~/server/api/trpc";
import { hashPassword } from "~/server/auth/password";
import { db } from "~/server/db";

export type TestUser = { id: string; username: string; sessionVersion: number; password: string };

let counter = 0;

export async function makeUser(opts: { username?: string; isAdmin?: boolean; password?: string; email?: string } = {}) {
  const username = opts.username ?? `user${++counter}`;
  const password = opts.password ?? `${username}-password`;
  const user = await db.user.create({
    data: {
      username,
      email: opts.email ?? `${username}@example.test`,
      passwordHash: await hashPassword(password),
      isAdmin: opts.isAdmin ?? false,
    },
    select: { id: true, username: true, sessionVersion: true },
  });
  return { ...user, password } satisfies TestUser;
}

/** A caller with no session. */
export const anonymous = () => createCaller(createInnerTRPCContext({ session: null }));

/** A caller holding the session a sign-in would have given this user. */
export const signedInAs = (u: Pick<TestUser, "id" | "sessionVersion">) =>
  createCaller(createInnerTRPCContext({ session: { userId: u.id, sessionVersion: u.sessionVersion } }));
