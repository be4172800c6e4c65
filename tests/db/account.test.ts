import { describe, expect, it } from "vitest";
import { verifyCredentials } from "~/server/auth/credentials";
import { db } from "~/server/db";
import { trpcMutation } from "../support/http";
import { makeUser, signedInAs } from "../support/users";

describe("account settings", () => {
  it("a user changes their own name and e-mail", async () => {
    const alice = await makeUser({ username: "alice" });
    const me = await signedInAs(alice).account.update({ name: "Alice Liddell", email: "Alice@Wonder.test" });
    expect(me).toMatchObject({ name: "Alice Liddell", email: "alice@wonder.test", scanPath: null, scanPaths: [] });
  });

  it("a scan path or admin flag sent by a user is refused and changes nothing", async () => {
    const alice = await makeUser({ username: "alice" });
    const session = { userId: alice.id, sessionVersion: alice.sessionVersion };
    for (const sneaky of [{ scanPath: "/" }, { scanPaths: ["/"] }, { isAdmin: true }, { name: "ok", scanPath: "/tmp" }]) {
      const res = await trpcMutation("account.update", sneaky, session);
      expect(res.status, JSON.stringify(sneaky)).toBe(400);
      expect(res.error?.data.fieldErrors?._form?.[0]).toMatch(/Not accepted here/);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: alice.id } })).toMatchObject({ name: "", isAdmin: false });
    expect(await db.userScanPath.count({ where: { userId: alice.id } })).toBe(0);
  });

  it("an e-mail used by someone else is a CONFLICT", async () => {
    const alice = await makeUser({ username: "alice" });
    await makeUser({ username: "bob", email: "bob@example.test" });
    await expect(signedInAs(alice).account.update({ email: "BOB@example.test" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("changing the password needs the current one and ends the user's sessions", async () => {
    const alice = await makeUser({ username: "alice", password: "first-password" });
    const err = await signedInAs(alice)
      .account.changePassword({ currentPassword: "wrong-password", newPassword: "second-password" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect((err as { cause: { fieldErrors: Record<string, string[]> } }).cause.fieldErrors.currentPassword?.[0]).toMatch(/not right/);
    expect(await verifyCredentials({ username: "alice", password: "first-password" })).not.toBeNull();

    await signedInAs(alice).account.changePassword({ currentPassword: "first-password", newPassword: "second-password" });
    await expect(signedInAs(alice).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await verifyCredentials({ username: "alice", password: "first-password" })).toBeNull();
    const fresh = await verifyCredentials({ username: "alice", password: "second-password" });
    await expect(signedInAs({ id: fresh!.userId, sessionVersion: fresh!.sessionVersion }).account.me()).resolves.toBeTruthy();
    expect(await db.auditEvent.count({ where: { action: "user.password_changed", actorId: alice.id } })).toBe(1);
  });

  it("the new password must meet the policy", async () => {
    const alice = await makeUser({ username: "alice", password: "first-password" });
    await expect(
      signedInAs(alice).account.changePassword({ currentPassword: "first-password", newPassword: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
