import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/env";

describe("environment", () => {
  it("starts with nothing configured: SQLite in STATE_DIR, port 3000, generated secret", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.STATE_DIR).toBe(path.resolve("var"));
    expect(env.LIBRARY_ROOT).toBe(path.resolve("library"));
    expect(env.DATABASE_URL).toBe(`file:${path.resolve("var", "folio.db")}`);
    expect(env.NEXTAUTH_URL).toBe("http://localhost:3000");
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
    expect(env.SCAN_WORKER).toBe("on");
    expect(env.SCHEDULER).toBe("on");
  });

  it("derives the defaults from the variables that are set", () => {
    const env = parseEnv({ PORT: "8080", STATE_DIR: "/srv/folio", LIBRARY_ROOT: "/data/" });
    expect(env.NEXTAUTH_URL).toBe("http://localhost:8080");
    expect(env.DATABASE_URL).toBe("file:/srv/folio/folio.db");
    expect(env.LIBRARY_ROOT).toBe("/data");
  });

  it("accepts PostgreSQL URLs and normalises the admin username", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://folio@db:5432/folio",
      ADMIN_USERNAME: "Admin",
      ADMIN_PASSWORD: "long-enough",
      ADMIN_EMAIL: "Admin@Example.com",
    });
    expect(env.DATABASE_URL).toBe("postgresql://folio@db:5432/folio");
    expect(env.ADMIN_USERNAME).toBe("admin");
    expect(env.ADMIN_EMAIL).toBe("admin@example.com");
  });

  it.each([
    [{ PORT: "eighty" }, /PORT: PORT must be a whole number/],
    [{ PORT: "70000" }, /PORT: PORT must be between 1 and 65535/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must start with "file:" \(SQLite\) or "postgresql:\/\/"/],
    [{ ADMIN_USERNAME: "admin" }, /ADMIN_PASSWORD: Set both ADMIN_USERNAME and ADMIN_PASSWORD, or neither/],
    [{ ADMIN_USERNAME: "admin", ADMIN_PASSWORD: "short" }, /ADMIN_PASSWORD: Password must be at least 8 characters/],
    [{ ADMIN_USERNAME: "a b", ADMIN_PASSWORD: "long-enough" }, /ADMIN_USERNAME: Username may use only/],
    [{ NEXTAUTH_SECRET: "tiny" }, /NEXTAUTH_SECRET must be at least 32 characters/],
    [{ NEXTAUTH_URL: "localhost" }, /NEXTAUTH_URL must be the full origin/],
    [{ SCAN_WORKER: "yes" }, /SCAN_WORKER must be "on" or "off"/],
  ])("refuses %o with a message naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ ADMIN_USERNAME: "", ADMIN_PASSWORD: "", NEXTAUTH_SECRET: "" }).ADMIN_USERNAME).toBeUndefined();
  });
});
