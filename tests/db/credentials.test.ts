import { describe, expect, it } from "vitest";
import { verifyCredentials } from "~/server/auth/credentials";
import { db } from "~/server/db";
import { makeUser } from "../support/users";

describe("sign-in credentials", () => {
  it("accepts the username or the e-mail, in any case, and records the login", async () => {
    const alice = await makeUser({ username: "alice", email: "alice@example.test", password: "alice-secret" });
    for (const login of ["alice", "ALICE", " Alice ", "alice@example.test", "Alice@Example.TEST"]) {
      expect(await verifyCredentials({ username: login, password: "alice-secret" })).toEqual({
        userId: alice.id,
        sessionVersion: alice.sessionVersion,
      });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: alice.id } })).lastLoginAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password, an unknown user and empty input alike", async () => {
    await makeUser({ username: "bob", password: "bob-secret-1" });
    expect(await verifyCredentials({ username: "bob", password: "bob-secret-2" })).toBeNull();
    expect(await verifyCredentials({ username: "nobody", password: "bob-secret-1" })).toBeNull();
    expect(await verifyCredentials({ username: "", password: "" })).toBeNull();
    expect(await verifyCredentials(undefined)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { username: "bob" } })).lastLoginAt).toBeNull();
  });
});
