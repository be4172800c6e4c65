// Commands run without the server's environment (issue #15, item 8): a missing SQLite file is
// one clear line naming the path and what to set, a non-zero exit, and no file left behind;
// a database with no migrations applied says how to set it up. Only npm start (and
// npm run db:migrate -- --create) create a database.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pgUrlWithDatabase, quoteIdent, withPgAdmin } from "../../scripts/lib/pg-admin";
import { PG_PREFIX } from "../support/db-template";
import { runCli } from "../support/cli";

/** A fresh STATE_DIR with nothing in it, as a folder where Folio never ran. */
function emptyStateDir() {
  return path.join(mkdtempSync(path.join(os.tmpdir(), "folio-nodb-")), "var");
}

function expectOneClearLine(stderr: string) {
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack
}

const commands: { name: string; args: string[]; input?: string }[] = [
  { name: "changepassword", args: ["scripts/changepassword.ts", "admin", "--password-stdin"], input: "some-password" },
  { name: "worker", args: ["scripts/worker.ts"] },
  { name: "migrate", args: ["scripts/migrate.ts"] },
];

describe("commands and a missing SQLite database", () => {
  for (const command of commands) {
    it(`${command.name} run without STATE_DIR's database says so in one line and creates no file`, async () => {
      const stateDir = emptyStateDir();
      const file = path.join(stateDir, "folio.db");
      // DATABASE_URL blank: the default under STATE_DIR, as in an install folder without the server's settings
      const res = await runCli(command.args, { input: command.input, env: { DATABASE_URL: "", STATE_DIR: stateDir } });
      expect(res.code, res.stderr).not.toBe(0);
      expect(res.stderr).toContain(file);
      expect(res.stderr).toContain("DATABASE_URL");
      expect(res.stderr).toContain("STATE_DIR");
      expect(res.stderr).toContain(".env");
      expectOneClearLine(res.stderr);
      expect(existsSync(file)).toBe(false);
      expect(existsSync(stateDir) ? readdirSync(stateDir) : []).toEqual([]);
    });
  }

  it("changepassword exits 2, as for a database it cannot reach", async () => {
    const res = await runCli(commands[0]!.args, { input: "some-password", env: { DATABASE_URL: "", STATE_DIR: emptyStateDir() } });
    expect(res.code).toBe(2);
  });

  it("migrate creates the database when asked with --create", async () => {
    const stateDir = emptyStateDir();
    const res = await runCli(["scripts/migrate.ts", "--create"], { env: { DATABASE_URL: "", STATE_DIR: stateDir } });
    expect(res.code, res.stderr).toBe(0);
    expect(existsSync(path.join(stateDir, "folio.db"))).toBe(true);
    // and then the other commands find it
    const worker = await runCli(["scripts/changepassword.ts", "nobody", "--password-stdin"], {
      input: "some-password",
      env: { DATABASE_URL: "", STATE_DIR: stateDir },
    });
    expect(worker).toMatchObject({ code: 1, stderr: "No user named 'nobody'.\n" });
  });
});

describe("commands and a database with no migrations applied", () => {
  const emptyDatabases: { engine: string; url: () => Promise<string> }[] = [
    {
      engine: "SQLite",
      url: async () => {
        const file = path.join(mkdtempSync(path.join(os.tmpdir(), "folio-emptydb-")), "folio.db");
        writeFileSync(file, "");
        return `file:${file}`;
      },
    },
  ];
  const pgUrl = process.env.TEST_POSTGRES_URL;
  const created: string[] = [];
  if (process.env.FOLIO_TEST_DB === "postgres" && pgUrl) {
    emptyDatabases.push({
      engine: "PostgreSQL",
      url: async () => {
        const name = `${PG_PREFIX}empty_${created.length}_${process.pid}`;
        await withPgAdmin(pgUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
        created.push(name);
        return pgUrlWithDatabase(pgUrl, name);
      },
    });
    afterAll(async () => {
      for (const name of created) await withPgAdmin(pgUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    });
  }

  for (const command of commands.slice(0, 2)) {
    it(`${command.name} says to run npm start once or npm run db:migrate`, async () => {
      for (const { engine, url } of emptyDatabases) {
        const res = await runCli(command.args, { input: command.input, env: { DATABASE_URL: await url() } });
        expect(res.code, `${engine}: ${res.stderr}`).not.toBe(0);
        expect(res.stderr, engine).toContain("has no tables yet: run npm start once or npm run db:migrate.");
        expectOneClearLine(res.stderr);
      }
    });
  }
});
