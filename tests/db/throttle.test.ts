import { describe, expect, it } from "vitest";
import { signIn } from "~/server/auth/credentials";
import { db } from "~/server/db";
import { THROTTLE_WINDOW_MS } from "~/server/auth/throttle";
import { makeUser } from "../support/users";

const fail = (username: string, ip: string) => signIn({ username, password: "wrong-password" }, ip);

describe("sign-in throttling", () => {
  it("blocks an account after 10 failures from any addresses, saying when to retry; the right password too", async () => {
    const alice = await makeUser({ username: "alice" });
    for (let i = 0; i < 10; i++) expect(await fail("alice", `203.0.113.${i}`)).toBeNull();
    await expect(fail("alice", "203.0.113.99")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/Too many failed sign-in attempts\. Try again in 15 minutes \(after \d\d:\d\d UTC\)\./),
    });
    await expect(signIn({ username: "alice", password: alice.password }, "203.0.113.100")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // other accounts are not affected
    const bob = await makeUser({ username: "bob" });
    expect(await signIn({ username: "bob", password: bob.password }, "203.0.113.101")).not.toBeNull();
  });

  it("blocks an address after 10 failures across usernames", async () => {
    const carol = await makeUser({ username: "carol" });
    for (let i = 0; i < 10; i++) await fail(`guess${i}`, "198.51.100.7");
    await expect(signIn({ username: "carol", password: carol.password }, "198.51.100.7")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(await signIn({ username: "carol", password: carol.password }, "198.51.100.8")).not.toBeNull();
  });

  it("counts only failures inside the window, and a success forgives the account's failures", async () => {
    const dave = await makeUser({ username: "dave" });
    for (let i = 0; i < 9; i++) await fail("dave", `192.0.2.${i}`);
    expect(await signIn({ username: "dave", password: dave.password }, "192.0.2.50")).not.toBeNull();
    for (let i = 0; i < 9; i++) await fail("dave", `192.0.2.${60 + i}`);
    expect(await signIn({ username: "dave", password: dave.password }, "192.0.2.51")).not.toBeNull();

    // failures older than the window are not counted (as if written 16 minutes ago)
    const old = new Date(Date.now() - THROTTLE_WINDOW_MS - 60_000);
    await db.authAttempt.createMany({
      data: Array.from({ length: 12 }, () => ({ key: "user:erin", kind: "signin", succeeded: false, at: old })),
    });
    const erin = await makeUser({ username: "erin" });
    expect(await signIn({ username: "erin", password: erin.password }, "192.0.2.52")).not.toBeNull();
  });

  it("counts an account once whether its username or its e-mail is typed", async () => {
    const gina = await makeUser({ username: "gina", email: "gina@example.test" });
    for (let i = 0; i < 5; i++) await fail("gina", `192.0.2.${100 + i}`);
    for (let i = 0; i < 5; i++) await fail("GINA@example.test", `192.0.2.${110 + i}`);
    await expect(signIn({ username: "gina@example.test", password: gina.password }, "192.0.2.120")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });

  it("lets no more than the limit through when attempts arrive all at once", async () => {
    await makeUser({ username: "hank" });
    const results = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => fail("hank", `198.51.100.${i}`)));
    const judged = results.filter((r) => r.status === "fulfilled").length;
    expect(judged).toBeLessThanOrEqual(10);
    expect(results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "TOO_MANY_REQUESTS").length).toBe(25 - judged);
  });

  it("also guards the current password when changing it", async () => {
    const ivy = await makeUser({ username: "ivy" });
    const { signedInAs } = await import("../support/users");
    for (let i = 0; i < 10; i++) {
      await expect(signedInAs(ivy).account.changePassword({ currentPassword: `guess-${i}`, newPassword: "new-password-1" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    await expect(signedInAs(ivy).account.changePassword({ currentPassword: ivy.password, newPassword: "new-password-1" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });

  it("is shared by every process: the counts live in the database", async () => {
    await db.authAttempt.createMany({
      data: Array.from({ length: 10 }, () => ({ key: "user:frank", kind: "signin", succeeded: false })),
    });
    const frank = await makeUser({ username: "frank" });
    await expect(signIn({ username: "frank", password: frank.password }, "192.0.2.77")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});
