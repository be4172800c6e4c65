// Test users, made through the same service an admin's "Create user" runs, and callers that act
// the way a signed-in client does: through the tRPC router.
import { createCaller } from "~/server/api/root";
import { createInnerTRPCContext } from "~/server/api/trpc";
import { db } from "~/server/db";
import { createUser } from "~/server/services/user-admin";

export type TestUser = { id: string; username: string; sessionVersion: number; password: string };

let counter = 0;

/**
 * Creates a user with createUser("system", ...), so the rules and the audit trail of a real
 * account apply. Pass valid values: a lowercase username, a real e-mail address, a password of
 * 8 characters or more, and a scan path (or several, `scanPaths`) that is an existing folder
 * inside LIBRARY_ROOT.
 */
export async function makeUser(
  opts: { username?: string; isAdmin?: boolean; password?: string; email?: string; scanPath?: string; scanPaths?: string[] } = {},
): Promise<TestUser> {
  const username = opts.username ?? `user${++counter}`;
  const password = opts.password ?? `${username}-password`;
  const { id } = await createUser("system", {
    username,
    password,
    email: opts.email ?? `${username}@example.test`,
    isAdmin: opts.isAdmin,
    scanPath: opts.scanPath,
    scanPaths: opts.scanPaths,
  });
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } });
  return { id, username, sessionVersion, password };
}

/** A caller with no session. */
export const anonymous = () => createCaller(createInnerTRPCContext({ session: null }));

/** A caller holding the session a sign-in would have given this user. */
export const signedInAs = (u: Pick<TestUser, "id" | "sessionVersion">) =>
  createCaller(createInnerTRPCContext({ session: { userId: u.id, sessionVersion: u.sessionVersion } }));
