import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { env } from "~/env";
import { db } from "~/server/db";
import type { SessionIdentity } from "./credentials";
import { sessionSecret } from "./secret";

// NextAuth's own name for it: the __Secure- prefix on https origins
const SESSION_COOKIE = `${env.NEXTAUTH_URL.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;

/**
 * Who the request's session cookie says it is; not yet checked against the database.
 * The token is only decrypted (which checks its expiry): getServerSession would also run the
 * session callbacks and encrypt a renewed token that a route handler never sends, on every call.
 */
export async function getSessionIdentity(): Promise<SessionIdentity | null> {
  return sessionIdentityOf((await cookies()).get(SESSION_COOKIE)?.value);
}

/** The same from a request's cookies by name, for a Pages Router API route (the media route),
 *  where next/headers has no request. */
export async function sessionIdentityFrom(cookies: Partial<Record<string, string>>) {
  return sessionIdentityOf(cookies[SESSION_COOKIE]);
}

async function sessionIdentityOf(token: string | undefined): Promise<SessionIdentity | null> {
  if (!token) return null;
  const claims = await decode({ token, secret: sessionSecret() }).catch(() => null);
  return claims?.sub ? { userId: claims.sub, sessionVersion: typeof claims.sv === "number" ? claims.sv : 0 } : null;
}

export const sessionUserSelect = {
  id: true,
  username: true,
  name: true,
  email: true,
  isAdmin: true,
  scanPaths: { select: { path: true }, orderBy: { path: "asc" } },
  sessionVersion: true,
} as const;

/** The signed-in user (`scanPaths`: their scan folders, sorted), or null when the user is gone
 *  or the session version was bumped. Read on every request, so a folder an admin takes away
 *  stops showing at the next one. */
export async function resolveSessionUser(identity: SessionIdentity | null) {
  if (!identity) return null;
  const user = await db.user.findUnique({ where: { id: identity.userId }, select: sessionUserSelect });
  if (!user || user.sessionVersion !== identity.sessionVersion) return null;
  return { ...user, scanPaths: user.scanPaths.map((s) => s.path) };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof resolveSessionUser>>>;

/** For server components: one lookup per request however many components ask. */
export const getCurrentUser = cache(async () => resolveSessionUser(await getSessionIdentity()));
