// The documented way back in: ADMIN_USERNAME/ADMIN_PASSWORD are applied on every boot.
import { hashPassword, verifyPassword } from "~/server/auth/password";
import { db } from "~/server/db";
import { recordAudit } from "./audit";
import { uniqueViolation } from "~/server/db/unique-violation";

export type EnvAdmin = { username: string; password: string; email?: string };
export type EnvAdminOutcome = "created" | "reset" | "unchanged";

export async function applyEnvAdmin(admin: EnvAdmin, retried = false): Promise<EnvAdminOutcome> {
  const existing = await db.user.findUnique({
    where: { username: admin.username },
    select: { id: true, username: true, isAdmin: true, passwordHash: true },
  });
  if (existing) {
    if (existing.isAdmin && (await verifyPassword(admin.password, existing.passwordHash))) return "unchanged";
    const passwordHash = await hashPassword(admin.password);
    await db.$transaction(async (tx) => {
      // a new session version ends every session opened with the old password
      await tx.user.update({
        where: { id: existing.id },
        data: { passwordHash, isAdmin: true, sessionVersion: { increment: 1 } },
        select: { id: true },
      });
      await recordAudit(tx, { actor: "system", action: "admin.env_reset", target: existing });
    });
    return "reset";
  }
  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: admin.username,
          email: admin.email ?? null,
          name: "Administrator",
          passwordHash: await hashPassword(admin.password),
          isAdmin: true,
        },
        select: { id: true, username: true },
      });
      await recordAudit(tx, { actor: "system", action: "admin.env_created", target: user });
    });
    return "created";
  } catch (e) {
    // another process booting at the same moment created it first
    if (uniqueViolation(e) && !retried) return applyEnvAdmin(admin, true);
    throw e;
  }
}

export function describeEnvAdminOutcome(username: string, outcome: EnvAdminOutcome) {
  switch (outcome) {
    case "created":
      return `admin '${username}' created from ADMIN_USERNAME/ADMIN_PASSWORD`;
    case "reset":
      return `admin '${username}' reset to ADMIN_PASSWORD and admin rights; its earlier sessions are ended`;
    case "unchanged":
      return `admin '${username}' already matches ADMIN_PASSWORD`;
  }
}
