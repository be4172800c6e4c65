// Runs before each database test file: gives it a fresh database copied from the template, so
// files run in parallel and start clean. Must run before anything imports src/env.ts.
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach } from "vitest";
import { pgUrlWithDatabase, quoteIdent, withPgAdmin } from "../../scripts/lib/pg-admin";
import { PG_PREFIX } from "./db-template";

const SQLITE_DIR = path.resolve("var/test-db");
const name = `${PG_PREFIX}${randomUUID().replace(/-/g, "").slice(0, 12)}`;

process.env.STATE_DIR = mkdtempSync(path.join(os.tmpdir(), "folio-state-"));
process.env.LIBRARY_ROOT = mkdtempSync(path.join(os.tmpdir(), "folio-library-"));

if (process.env.FOLIO_TEST_DB === "postgres") {
  const url = process.env.TEST_POSTGRES_URL!;
  await withPgAdmin(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(`${PG_PREFIX}template`)}`));
  process.env.DATABASE_URL = pgUrlWithDatabase(url, name);
  afterAll(async () => {
    const { db } = await import("~/server/db");
    await db.$disconnect();
    await withPgAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  });
} else {
  const file = path.join(SQLITE_DIR, `${name}.db`);
  copyFileSync(path.join(SQLITE_DIR, "template.db"), file);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(async () => {
    const { db } = await import("~/server/db");
    await db.$disconnect();
  });
}

// Every test starts from the state right after the migrations: every table of the schema is
// emptied (tests/support/tables.ts; tests/db/reset.test.ts checks none is missed).
beforeEach(async () => {
  const { resetDatabase } = await import("./tables");
  await resetDatabase();
});
