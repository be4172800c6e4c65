// Self-registration: only while an admin allows it, never an admin, never a scan path.
import { newAccountSchema, type NewAccountInput } from "~/lib/identity";
import { hashPassword } from "~/server/auth/password";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit } from "./audit";
import { getSiteSettings } from "./settings";
import { beginAttempt, throttleKeys } from "./throttle";
import { conflictError, insertUser } from "./users";

export async function assertRegistrationOpen() {
  if (!(await getSiteSettings()).allowRegistration) {
    throw new AppError("FORBIDDEN", "Registration is closed: ask an admin to create an account for you.");
  }
}

export async function signUp(raw: NewAccountInput, ip: string | null) {
  await assertRegistrationOpen();
  const input = newAccountSchema.parse(raw);
  // every attempt counts, also the ones that succeed, so one address cannot create accounts in bulk
  await beginAttempt("signup", throttleKeys(ip, input.username));
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await insertUser(tx, { ...input, passwordHash, selfRegistered: true });
      await recordAudit(tx, { actor: user, action: "user.signed_up", target: user, details: { ip } });
      return user;
    });
  } catch (e) {
    throw conflictError(e) ?? e;
  }
}
