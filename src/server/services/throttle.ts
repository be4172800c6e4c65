// Sign-in and signup throttling, counted in the database so every process of an installation
// shares the counts.
import { db } from "~/server/db";
import { AppError } from "~/server/errors";

export const THROTTLE_LIMIT = 10;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type AttemptKind = "signin" | "signup";

export const throttleKeys = (ip: string | null, username: string) => [`ip:${ip ?? "unknown"}`, `user:${username}`];

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** Refuses when any key has reached the limit of counted attempts within the window,
 *  saying when the oldest of them runs out. */
export async function assertNotThrottled(kind: AttemptKind, keys: string[], now = new Date()) {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  let retryAt: Date | null = null;
  for (const key of keys) {
    const recent = await db.authAttempt.findMany({
      where: { kind, key, succeeded: false, at: { gt: since } },
      orderBy: { at: "desc" },
      take: THROTTLE_LIMIT,
      select: { at: true },
    });
    if (recent.length < THROTTLE_LIMIT) continue;
    const until = new Date(recent.at(-1)!.at.getTime() + THROTTLE_WINDOW_MS);
    if (!retryAt || until > retryAt) retryAt = until;
  }
  if (retryAt) {
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
    const what = kind === "signin" ? "failed sign-in attempts" : "sign-up attempts";
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (after ${clock.format(retryAt)} UTC).`,
    );
  }
}

export async function recordAttempt(kind: AttemptKind, keys: string[], succeeded: boolean) {
  const now = new Date();
  await db.$transaction([
    // keep the table small: nothing older than the window is ever counted
    db.authAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } }),
    db.authAttempt.createMany({ data: keys.map((key) => ({ key, kind, succeeded, at: now })) }),
  ]);
}

/** A successful sign-in forgives that account's earlier failures (not the address's). */
export async function forgetFailures(kind: AttemptKind, key: string) {
  await db.authAttempt.deleteMany({ where: { kind, key, succeeded: false } });
}
