import { describe, expect, it } from "vitest";
import { emailSchema, newAccountSchema, passwordSchema, usernameSchema } from "~/lib/identity";
import { initialsOf } from "~/lib/initials";
import { safeCallbackPath } from "~/lib/redirect";

describe("identity rules", () => {
  it("usernames: 2-32 of a-z 0-9 . _ -, stored lowercase", () => {
    expect(usernameSchema.parse("  Bob.Smith_2-x ")).toBe("bob.smith_2-x");
    for (const bad of ["a", "x".repeat(33), "bob smith", "bob@home", "ünï"]) {
      expect(usernameSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(usernameSchema.safeParse("x".repeat(32)).success).toBe(true);
  });

  it("e-mails: valid, stored lowercase", () => {
    expect(emailSchema.parse(" Ada@Example.COM ")).toBe("ada@example.com");
    expect(emailSchema.safeParse("ada@").success).toBe(false);
  });

  it("passwords: at least 8 characters and at most 72 bytes", () => {
    expect(passwordSchema.safeParse("1234567").success).toBe(false);
    expect(passwordSchema.safeParse("12345678").success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(72)).success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(73)).success).toBe(false);
    // 36 two-byte characters are 72 bytes; 37 are too many although only 37 characters
    expect(passwordSchema.safeParse("é".repeat(36)).success).toBe(true);
    const tooMany = passwordSchema.safeParse("é".repeat(37));
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.message).toMatch(/72 bytes \(bcrypt's limit\)/);
  });

  it("new accounts refuse keys they do not know, naming them", () => {
    const r = newAccountSchema.safeParse({ username: "ok", email: "ok@x.io", password: "12345678", scanPath: "/" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Not accepted here: scanPath. Remove it and try again.");
  });
});

describe("small helpers", () => {
  it("follows only same-site callback paths", () => {
    expect(safeCallbackPath("/admin")).toBe("/admin");
    expect(safeCallbackPath("https://evil.example/")).toBe("/photos");
    expect(safeCallbackPath("//evil.example/")).toBe("/photos");
    expect(safeCallbackPath("/\\evil.example")).toBe("/photos");
    expect(safeCallbackPath(undefined)).toBe("/photos");
    expect(safeCallbackPath("/\t/evil.example")).toBe("/photos");
    expect(safeCallbackPath("/\n/evil.example/x")).toBe("/photos");
    expect(safeCallbackPath("/albums?x=1#top")).toBe("/albums?x=1#top");
  });

  it("makes initials from the name, else the username", () => {
    expect(initialsOf("Ada King Lovelace", "ada")).toBe("AL");
    expect(initialsOf("Plato", "p")).toBe("PL");
    expect(initialsOf("  ", "zoe")).toBe("ZO");
  });
});

describe("schedule preview", () => {
  it("reads common cron expressions in plain words", async () => {
    const { describeCron } = await import("~/lib/cron-text");
    expect(describeCron("0 3 * * *")).toBe("every day at 03:00");
    expect(describeCron("30 2 * * 1")).toBe("every Monday at 02:30");
    expect(describeCron("15 4 * * 1-5")).toBe("every weekday at 04:15");
    expect(describeCron("0 1 15 * *")).toBe("on day 15 of every month at 01:00");
    expect(describeCron("*/10 * * * *")).toBe("every 10 minutes");
    expect(describeCron("5 * * * *")).toBe("every hour at minute 5");
    expect(describeCron("0 */6 * * *")).toBe("every 6 hours at minute 0");
    expect(describeCron("*/5 * * * * *")).toBe("every 5 seconds");
    expect(describeCron("0 0 3 * * *")).toBe("every day at 03:00");
    expect(describeCron("0 3 1 1 *")).toBe("custom schedule (0 3 1 1 *)");
  });
});
