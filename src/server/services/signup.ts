// Self-registration: only while an admin allows it, never an admin, never a scan path.
import type { NewAccountInput } from "~/lib/identity";
import { hashPassword } from "~/server/auth/password";
import { beginAttempt, throttleKeys } from "~/server/auth/throttle";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit } from "./audit";
import { getSiteSettings } from "./settings";
import { insertUser } from "./users";

/** FORBIDDEN, saying whom to ask, unless an admin opened registration. */
export async function assertRegistrationOpen() {
  if (!(await getSiteSettings()).allowRegistration) {
    throw new AppError("FORBIDDEN", "Registration is closed: ask an admin to create an account for you.");
  }
}

/** Creates a non-admin account without a scan path, marked self-registered: `{ id, username }`.
 *  FORBIDDEN while registration is closed; throttled per address and username (auth/throttle.ts). */
export async function signUp(input: NewAccountInput, ip: string | null) {
  await assertRegistrationOpen();
  // every attempt counts, also the ones that succeed, so one address cannot create accounts in bulk
  await beginAttempt("signup", throttleKeys(ip, input.username));
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await insertUser(tx, { ...input, passwordHash, selfRegistered: true });
    await recordAudit(tx, { actor: user, action: "user.signed_up", target: user, details: { ip } });
    return user;
  });
}
