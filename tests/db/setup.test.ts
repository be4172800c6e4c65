import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { verifyPassword } from "~/server/auth/password";
import { trpcMutation } from "../support/http";
import { anonymous, makeUser } from "../support/users";

const first = { username: "Root", email: "Root@Example.test", name: "Ro Ot", password: "first-admin-pw" };

describe("first-run setup", () => {
  it("reports needsSetup while no user exists, then creates exactly one admin, once", async () => {
    expect(await anonymous().auth.status()).toEqual({ needsSetup: true, allowRegistration: false });
    const created = await anonymous().auth.setupAdmin(first);
    expect(created.username).toBe("root");

    const users = await db.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ username: "root", email: "root@example.test", name: "Ro Ot", isAdmin: true });
    expect(await verifyPassword("first-admin-pw", users[0]!.passwordHash)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "setup.admin_created", targetUserId: created.id } })).toBe(1);

    expect((await anonymous().auth.status()).needsSetup).toBe(false);
    await expect(
      anonymous().auth.setupAdmin({ ...first, username: "second", email: "second@example.test" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count()).toBe(1);
  });

  it("of many racing setup requests exactly one creates an admin", async () => {
    const attempts = Array.from({ length: 6 }, (_, i) =>
      anonymous().auth.setupAdmin({ username: `racer${i}`, email: `racer${i}@example.test`, password: "racing-pass" }),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    for (const r of lost) expect(r.reason).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count()).toBe(1);
    expect(await db.user.count({ where: { isAdmin: true } })).toBe(1);
  });

  it("is closed when a user already exists, even if setup was never run", async () => {
    await makeUser({ isAdmin: true });
    expect((await anonymous().auth.status()).needsSetup).toBe(false);
    await expect(anonymous().auth.setupAdmin(first)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses bad input over HTTP with field errors a form can show, and unknown keys such as isAdmin", async () => {
    const bad = await trpcMutation("auth.setupAdmin", { username: "x", email: "not-an-email", password: "short" });
    expect(bad.status).toBe(400);
    expect(bad.error?.data.code).toBe("BAD_REQUEST");
    expect(bad.error?.data.fieldErrors?.username?.[0]).toMatch(/2 to 32/);
    expect(bad.error?.data.fieldErrors?.email?.[0]).toMatch(/valid e-mail/);
    expect(bad.error?.data.fieldErrors?.password?.[0]).toMatch(/at least 8/);
    expect(bad.error?.message).toMatch(/^Please fix: /);

    // an empty form gets one message per field, never two at once (issue 15 item 12e)
    const empty = await trpcMutation("auth.setupAdmin", { username: "", email: "", password: "" });
    expect(empty.error?.data.fieldErrors).toEqual({
      username: ["Enter a username."],
      email: ["Enter a valid e-mail address, like name@example.com."],
      password: ["Password must be at least 8 characters."],
    });

    const tooLong = await trpcMutation("auth.setupAdmin", { username: "okname", email: "ok@example.test", password: "é".repeat(40) });
    expect(tooLong.error?.data.fieldErrors?.password?.[0]).toMatch(/72 bytes/);

    const sneaky = await trpcMutation("auth.setupAdmin", {
      username: "okname",
      email: "ok@example.test",
      password: "long-enough",
      isAdmin: true,
    });
    expect(sneaky.status).toBe(400);
    expect(sneaky.error?.data.fieldErrors?._form?.[0]).toMatch(/Not accepted here: isAdmin/);
    expect(await db.user.count()).toBe(0);
  });

  it("maps its FORBIDDEN to HTTP 403 once set up", async () => {
    await makeUser({ isAdmin: true });
    const res = await trpcMutation("auth.setupAdmin", first);
    expect(res.status).toBe(403);
    expect(res.error?.message).toMatch(/already set up/);
  });
});
