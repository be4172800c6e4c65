import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { anonymous, makeUser, signedInAs } from "../support/users";

describe("procedure tiers", () => {
  it("answers UNAUTHORIZED to protected and admin procedures without a session", async () => {
    await expect(anonymous().account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous().admin.users.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous().admin.settings.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers FORBIDDEN to a signed-in non-admin calling admin procedures", async () => {
    const bob = await makeUser();
    await expect(signedInAs(bob).admin.users.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(signedInAs(bob).admin.settings.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(signedInAs(bob).admin.settings.previewSchedule({ expression: "0 3 * * *" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(signedInAs(bob).admin.unreadable.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(anonymous().admin.settings.previewSchedule({ expression: "0 3 * * *" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("previews a schedule for an admin with the rule the update applies", async () => {
    const admin = await makeUser({ isAdmin: true });
    const as = signedInAs(admin);
    expect(await as.admin.settings.previewSchedule({ expression: "0 3 * * *" })).toEqual({ valid: true, description: "every day at 03:00" });
    const bad = await as.admin.settings.previewSchedule({ expression: "61 3 * * *" });
    expect(bad).toMatchObject({ valid: false, reason: '"61" is no minute' });
    // the update refuses it with the very words the preview holds
    const refused = await as.admin.settings.update({ scanSchedule: "61 3 * * *" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    expect((refused as { message: string }).message).toContain(bad.valid ? "" : bad.error);
  });

  it("lets an admin list users, without any password hash", async () => {
    const admin = await makeUser({ isAdmin: true });
    await makeUser({ username: "carol" });
    const users = await signedInAs(admin).admin.users.list();
    expect(users.map((u) => u.username)).toEqual([admin.username, "carol"].sort());
    for (const u of users) expect(u).not.toHaveProperty("passwordHash");
    expect(users.find((u) => u.username === "carol")).toMatchObject({ isAdmin: false, scanPath: null, lastLoginAt: null });
  });

  it("account.me returns the caller's own account and no hash", async () => {
    const alice = await makeUser({ username: "alice" });
    const me = await signedInAs(alice).account.me();
    expect(me).toEqual({
      id: alice.id,
      username: "alice",
      email: "alice@example.test",
      name: "",
      isAdmin: false,
      scanPath: null,
      scanPaths: [],
    });
  });
});

describe("sessions end when they must", () => {
  it("a session of a deleted user is UNAUTHORIZED", async () => {
    const dave = await makeUser();
    await db.user.delete({ where: { id: dave.id } });
    await expect(signedInAs(dave).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("a session with an older session version is UNAUTHORIZED", async () => {
    const erin = await makeUser();
    await expect(signedInAs(erin).account.me()).resolves.toMatchObject({ id: erin.id });
    await db.user.update({ where: { id: erin.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(signedInAs(erin).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signedInAs({ id: erin.id, sessionVersion: erin.sessionVersion + 1 }).account.me()).resolves.toBeTruthy();
  });

  it("admin rights are read on every call: a demoted admin gets FORBIDDEN at once", async () => {
    const frank = await makeUser({ isAdmin: true });
    const session = signedInAs(frank);
    await expect(session.admin.users.list()).resolves.toBeTruthy();
    await db.user.update({ where: { id: frank.id }, data: { isAdmin: false } });
    await expect(session.admin.users.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
