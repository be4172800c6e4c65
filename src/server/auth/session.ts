import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "~/server/db";
import { authOptions } from "./config";
import type { SessionIdentity } from "./credentials";

/** Who the request's session cookie says it is; not yet checked against the database. */
export async function getSessionIdentity(): Promise<SessionIdentity | null> {
  const session = await getServerSession(authOptions);
  return session?.userId ? { userId: session.userId, sessionVersion: session.sessionVersion } : null;
}

export const sessionUserSelect = {
  id: true,
  username: true,
  name: true,
  email: true,
  isAdmin: true,
  scanPath: true,
  sessionVersion: true,
} as const;

/** The signed-in user, or null when the user is gone or the session version was bumped. */
export async function resolveSessionUser(identity: SessionIdentity | null) {
  if (!identity) return null;
  const user = await db.user.findUnique({ where: { id: identity.userId }, select: sessionUserSelect });
  return user && user.sessionVersion === identity.sessionVersion ? user : null;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof resolveSessionUser>>>;

/** For server components: one lookup per request however many components ask. */
export const getCurrentUser = cache(async () => resolveSessionUser(await getSessionIdentity()));
