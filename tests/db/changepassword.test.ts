import { describe, expect, it } from "vitest";
import { verifyCredentials } from "~/server/auth/credentials";
import { db } from "~/server/db";
import { runCli, runInTerminal } from "../support/cli";
import { makeUser, signedInAs } from "../support/users";

const CLI = "scripts/changepassword.ts";

describe("scripts/changepassword.ts", () => {
  it("asks twice without echo on a terminal, asks again on a mismatch, then changes the password", async () => {
    const alice = await makeUser({ username: "alice", password: "old-password" });
    const before = signedInAs(alice);
    await expect(before.account.me()).resolves.toBeTruthy();

    const { code, output } = await runInTerminal(`node_modules/.bin/tsx ${CLI} alice`, [
      { prompt: "Password: ", reply: "first-try-pass" },
      { prompt: "Password (again): ", reply: "not-the-same" },
      { prompt: "Password: ", reply: "short" },
      { prompt: "Password (again): ", reply: "short" },
      { prompt: "Password: ", reply: "brand-new-pass" },
      { prompt: "Password (again): ", reply: "brand-new-pass" },
    ]);
    expect(code).toBe(0);
    expect(output).toContain("The passwords do not match. Try again.");
    expect(output).toContain("Password must be at least 8 characters. Try again.");
    expect(output).toContain("Password changed successfully for user 'alice'.");
    for (const secret of ["first-try-pass", "not-the-same", "brand-new-pass"]) expect(output).not.toContain(secret);

    expect(await verifyCredentials({ username: "alice", password: "old-password" })).toBeNull();
    expect(await verifyCredentials({ username: "alice", password: "brand-new-pass" })).not.toBeNull();
    await expect(before.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.auditEvent.count({ where: { action: "user.password_changed", actorName: "system", targetUserId: alice.id } })).toBe(1);
  });

  it("gives up after three failed tries and changes nothing", async () => {
    await makeUser({ username: "bob", password: "bob-password" });
    const replies = Array.from({ length: 3 }, () => [
      { prompt: "Password: ", reply: "one-password" },
      { prompt: "Password (again): ", reply: "two-password" },
    ]).flat();
    const { code, output } = await runInTerminal(`node_modules/.bin/tsx ${CLI} bob`, replies);
    expect(code).toBe(1);
    expect(output).toContain("Giving up after 3 tries: the password of 'bob' is unchanged.");
    expect(await verifyCredentials({ username: "bob", password: "bob-password" })).not.toBeNull();
  });

  it("reads the password from standard input with --password-stdin, and takes ADMIN_USERNAME by default", async () => {
    await makeUser({ username: "carol", password: "carol-password" });
    const res = await runCli([CLI, "carol", "--password-stdin"], { input: "piped-password\n" });
    expect(res).toMatchObject({ code: 0, stdout: "Password changed successfully for user 'carol'.\n" });
    expect(await verifyCredentials({ username: "carol", password: "piped-password" })).not.toBeNull();

    const admin = await makeUser({ username: "chief", isAdmin: true, password: "chief-password" });
    const byEnv = await runCli([CLI, "--password-stdin"], {
      input: "chief-new-password",
      env: { ADMIN_USERNAME: "chief", ADMIN_PASSWORD: "chief-password" },
    });
    expect(byEnv.stdout).toBe("Password changed successfully for user 'chief'.\n");
    expect(await verifyCredentials({ username: admin.username, password: "chief-new-password" })).not.toBeNull();
  });

  it("refuses a weak password from stdin, an unknown user, and a missing username, with exit 1 and one line", async () => {
    await makeUser({ username: "dave", password: "dave-password" });
    const weak = await runCli([CLI, "dave", "--password-stdin"], { input: "short" });
    expect(weak).toMatchObject({ code: 1, stderr: "Password must be at least 8 characters.\n" });
    const unknown = await runCli([CLI, "nobody", "--password-stdin"], { input: "whatever-password" });
    expect(unknown).toMatchObject({ code: 1, stderr: "No user named 'nobody'.\n" });
    const missing = await runCli([CLI, "--password-stdin"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Which user\? Pass a username/);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(await verifyCredentials({ username: "dave", password: "dave-password" })).not.toBeNull();
  });

  it("says in one line, with exit 2, when the database cannot be reached", async () => {
    for (const url of ["postgresql://folio@127.0.0.1:1/folio", "file:/nonexistent-folder/folio.db"]) {
      const res = await runCli([CLI, "alice", "--password-stdin"], { input: "some-password", env: { DATABASE_URL: url } });
      expect(res.code, url).toBe(2);
      expect(res.stderr, url).toMatch(/^Cannot reach the database \((PostgreSQL|SQLite) .*\): .+\n$/);
      expect(res.stderr.trim().split("\n"), url).toHaveLength(1);
    }
  });
});
