// Sign-in and signup throttling, counted in the database so every process of an installation
// shares the counts. An attempt is recorded before it is judged and counted with the others,
// so requests sent in parallel cannot all pass a check made before any of them was recorded.
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { plural } from "~/lib/plural";

export const THROTTLE_LIMIT = 10;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** signin and signup; link: a share link's password (keys by link and address, linkThrottleKeys). */
export type AttemptKind = "signin" | "signup" | "link";

export const throttleKeys = (ip: string | null, username: string) => [`ip:${ip ?? "unknown"}`, `user:${username}`];

/** A share link's password tries: counted per link and address together, and per link, so many
 *  addresses cannot take turns at one link. */
export const linkThrottleKeys = (ip: string | null, linkId: string) => [`link:${linkId}:ip:${ip ?? "unknown"}`, `link:${linkId}`];

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** Records an attempt under each key, then refuses it (and forgets it) when any key has more
 *  than the limit within the window, saying when the oldest counted attempt runs out. */
export async function beginAttempt(kind: AttemptKind, keys: string[]) {
  const now = new Date();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const ids = (
    await db.$transaction([
      // keep the table small: nothing older than the window is ever counted
      db.authAttempt.deleteMany({ where: { at: { lt: since } } }),
      ...keys.map((key) => db.authAttempt.create({ data: { key, kind, succeeded: false, at: now }, select: { id: true } })),
    ])
  )
    .slice(1)
    .map((r) => (r as { id: string }).id);
  let retryAt: Date | null = null;
  for (const key of keys) {
    const recent = await db.authAttempt.findMany({
      where: { kind, key, succeeded: false, at: { gt: since } },
      orderBy: { at: "desc" },
      take: THROTTLE_LIMIT + 1,
      select: { at: true },
    });
    if (recent.length <= THROTTLE_LIMIT) continue;
    const until = new Date(recent.at(-1)!.at.getTime() + THROTTLE_WINDOW_MS);
    if (!retryAt || until > retryAt) retryAt = until;
  }
  if (retryAt) {
    await db.authAttempt.deleteMany({ where: { id: { in: ids } } });
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
    const what = { signin: "failed sign-in attempts", signup: "sign-up attempts", link: "wrong passwords for this link" }[kind];
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `Too many ${what}. Try again in ${plural(minutes, "minute")} (after ${clock.format(retryAt)} UTC).`,
    );
  }
  return ids;
}

/** A successful sign-in (or link password) does not count, and forgives that account's (link's)
 *  earlier failures under `accountKey` (not the address's). */
export async function attemptSucceeded(ids: string[], accountKey: string, kind: AttemptKind = "signin") {
  await db.authAttempt.deleteMany({ where: { OR: [{ id: { in: ids } }, { kind, key: accountKey, succeeded: false }] } });
}
