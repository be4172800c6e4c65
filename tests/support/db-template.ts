// Global setup of a database project: one migrated template per run, through the real
// migrations and the same code path as start-up. Per-file copies are made in db-per-file.ts.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { pgUrlWithDatabase, quoteIdent, withPgAdmin } from "../../scripts/lib/pg-admin";

export const SQLITE_DIR = path.resolve("var/test-db");
// FOLIO_TEST_PG_PREFIX lets two checkouts run their PostgreSQL tests side by side without
// dropping each other's databases.
export const PG_PREFIX = process.env.FOLIO_TEST_PG_PREFIX ?? "folio_vt_";

export default async function setup(project: TestProject) {
  const kind = project.config.env.FOLIO_TEST_DB;
  const { applyMigrations } = await import("../../src/server/db/migrate");
  if (kind === "sqlite") {
    rmSync(SQLITE_DIR, { recursive: true, force: true });
    mkdirSync(SQLITE_DIR, { recursive: true });
    applyMigrations(`file:${path.join(SQLITE_DIR, "template.db")}`);
    return () => rmSync(SQLITE_DIR, { recursive: true, force: true });
  }
  const url = process.env.TEST_POSTGRES_URL!;
  const template = `${PG_PREFIX}template`;
  const dropAll = () =>
    withPgAdmin(url, async (c) => {
      const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
        `${PG_PREFIX}%`,
      ]);
      for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(r.datname)} WITH (FORCE)`);
    });
  await dropAll();
  await withPgAdmin(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(template)}`));
  applyMigrations(pgUrlWithDatabase(url, template));
  return dropAll;
}
