import { describe, expect, it } from "vitest";
import { verifyCredentials } from "~/server/auth/credentials";
import { db } from "~/server/db";
import { trpcMutation } from "../support/http";
import { makeUser, signedInAs } from "../support/users";

const visitor = { username: "Vera", email: "Vera@Example.test", name: "Vera V", password: "vera-password" };

async function openRegistration(open = true) {
  const admin = await makeUser({ username: "boss", isAdmin: true });
  await signedInAs(admin).admin.settings.update({ allowRegistration: open });
  return admin;
}

describe("auth.signup", () => {
  it("is FORBIDDEN while registration is off, whatever is sent, and creates nothing", async () => {
    await makeUser({ isAdmin: true });
    for (const input of [visitor, { ...visitor, isAdmin: true }, { junk: 1 }, null]) {
      const res = await trpcMutation("auth.signup", input);
      expect(res.status, JSON.stringify(input)).toBe(403);
      expect(res.error?.message).toMatch(/Registration is closed/);
    }
    expect(await db.user.count()).toBe(1);
  });

  it("while on, creates a non-admin without a scan path that can sign in", async () => {
    const admin = await openRegistration();
    const res = await trpcMutation("auth.signup", visitor);
    expect(res.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { username: "vera" } });
    expect(user).toMatchObject({ email: "vera@example.test", name: "Vera V", isAdmin: false, selfRegistered: true });
    expect(await db.userScanPath.count({ where: { userId: user.id } })).toBe(0);
    expect(await verifyCredentials({ username: "vera", password: "vera-password" })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.signed_up", targetUserId: user.id } })).toBe(1);
    const listed = (await signedInAs(admin).admin.users.list()).find((u) => u.username === "vera");
    expect(listed).toMatchObject({ selfRegistered: true, scanPath: null, scanPaths: [] });
  });

  it("refuses isAdmin, scanPath or any other extra key, and creates nothing", async () => {
    await openRegistration();
    for (const extra of [{ isAdmin: true }, { scanPath: "/" }, { scanPaths: ["/"] }, { selfRegistered: false }]) {
      const res = await trpcMutation("auth.signup", { ...visitor, ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.error?.data.fieldErrors?._form?.[0]).toMatch(/Not accepted here/);
    }
    expect(await db.user.count()).toBe(1);
  });

  it("a username or e-mail already taken, in any case, is a field error", async () => {
    await openRegistration();
    await makeUser({ username: "vera", email: "someone@example.test" });
    const byName = await trpcMutation("auth.signup", { ...visitor, username: "VERA", email: "new@example.test" });
    expect(byName.status).toBe(409);
    expect(byName.error?.data.fieldErrors?.username?.[0]).toMatch(/taken/);
    const byMail = await trpcMutation("auth.signup", { ...visitor, username: "vera2", email: "SOMEONE@example.test" });
    expect(byMail.status).toBe(409);
    expect(byMail.error?.data.fieldErrors?.email?.[0]).toMatch(/already used/);
  });

  it("closing registration again refuses the next signup", async () => {
    const admin = await openRegistration();
    expect((await trpcMutation("auth.signup", visitor)).status).toBe(200);
    await signedInAs(admin).admin.settings.update({ allowRegistration: false });
    expect((await trpcMutation("auth.signup", { ...visitor, username: "other", email: "o@example.test" })).status).toBe(403);
  });

  it("is throttled per client address after the limit, saying when to retry", async () => {
    await openRegistration();
    for (let i = 0; i < 10; i++) {
      const res = await trpcMutation("auth.signup", { ...visitor, username: `v${i}`, email: `v${i}@example.test` }, null, "198.51.100.9");
      expect(res.status).toBe(200);
    }
    const blocked = await trpcMutation("auth.signup", { ...visitor, username: "v10", email: "v10@example.test" }, null, "198.51.100.9");
    expect(blocked.status).toBe(429);
    expect(blocked.error?.message).toMatch(/Too many sign-up attempts\. Try again in 15 minutes \(after \d\d:\d\d UTC\)\./);
    const elsewhere = await trpcMutation("auth.signup", { ...visitor, username: "v11", email: "v11@example.test" }, null, "198.51.100.10");
    expect(elsewhere.status).toBe(200);
  });
});

describe("admin.settings.update", () => {
  it("is admin-only, toggles registration with an audit event, and validates the schedule", async () => {
    const admin = await makeUser({ isAdmin: true });
    const bob = await makeUser();
    await expect(signedInAs(bob).admin.settings.update({ allowRegistration: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await signedInAs(admin).admin.settings.get()).allowRegistration).toBe(false);
    expect(await signedInAs(admin).admin.settings.update({ allowRegistration: true })).toMatchObject({ allowRegistration: true });
    expect(await db.auditEvent.count({ where: { action: "settings.registration_opened", actorId: admin.id } })).toBe(1);
    const bad = await signedInAs(admin).admin.settings.update({ scanSchedule: "every night" }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
    expect(await signedInAs(admin).admin.settings.update({ scanSchedule: "30 2 * * 1" })).toMatchObject({ scanSchedule: "30 2 * * 1" });
  });
});
