import { describe, expect, it } from "vitest";
import { verifyCredentials } from "~/server/auth/credentials";
import { db } from "~/server/db";
import { applyEnvAdmin } from "~/server/services/env-admin";
import { makeUser, signedInAs } from "../support/users";

describe("admin from the environment", () => {
  it("creates the admin on first boot and leaves it alone when nothing changed", async () => {
    expect(await applyEnvAdmin({ username: "admin", password: "env-password-1", email: "admin@example.test" })).toBe("created");
    const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(admin).toMatchObject({ isAdmin: true, email: "admin@example.test" });
    expect(await applyEnvAdmin({ username: "admin", password: "env-password-1" })).toBe("unchanged");
    const again = await db.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(again.sessionVersion).toBe(admin.sessionVersion);
    expect(await db.auditEvent.count({ where: { action: "admin.env_created" } })).toBe(1);
  });

  it("resets a changed password: the new one works, the old one and old sessions do not", async () => {
    await applyEnvAdmin({ username: "admin", password: "old-password-1" });
    const before = await verifyCredentials({ username: "admin", password: "old-password-1" });
    expect(before).not.toBeNull();
    const oldSession = signedInAs({ id: before!.userId, sessionVersion: before!.sessionVersion });
    await expect(oldSession.account.me()).resolves.toMatchObject({ username: "admin" });

    expect(await applyEnvAdmin({ username: "admin", password: "new-password-2" })).toBe("reset");
    expect(await verifyCredentials({ username: "admin", password: "old-password-1" })).toBeNull();
    expect(await verifyCredentials({ username: "admin", password: "new-password-2" })).not.toBeNull();
    await expect(oldSession.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.auditEvent.count({ where: { action: "admin.env_reset", actorName: "system" } })).toBe(1);
  });

  it("gives admin rights back to a user of that name who lost them", async () => {
    const u = await makeUser({ username: "admin", password: "same-password" });
    expect(await applyEnvAdmin({ username: "admin", password: "same-password" })).toBe("reset");
    expect(await db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ isAdmin: true });
  });

  it("two processes booting at once leave one admin", async () => {
    const outcomes = await Promise.all([
      applyEnvAdmin({ username: "admin", password: "together-pw" }),
      applyEnvAdmin({ username: "admin", password: "together-pw" }),
    ]);
    expect(outcomes).toContain("created");
    expect(await db.user.count({ where: { username: "admin" } })).toBe(1);
  });
});
