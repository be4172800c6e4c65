// Whether the configured database exists and has its tables, checked by the commands that open
// it (changepassword, worker, migrate) before they do. Opening a missing SQLite file would create
// an empty one (the server's own database left elsewhere) and fail later on a missing table.
import { existsSync } from "node:fs";
import { env, isPostgresUrl, sqliteFile } from "~/env";
import { AppError } from "~/server/errors";
import { db, type Db } from "./index";
import { appliedMigrations } from "./maintenance";
import { describeDatabase } from "./migrate";

/** What to set so that a command finds the server's database. */
export const DATABASE_HINT =
  "Run this command with the same DATABASE_URL or STATE_DIR as the server (in the environment, or in a .env file in the Folio folder)";

/** The missing SQLite file of `url`, or null when it exists or the database is PostgreSQL. */
export function missingSqliteFile(url = env.DATABASE_URL): string | null {
  if (isPostgresUrl(url)) return null;
  const file = sqliteFile(url);
  return existsSync(file) ? null : file;
}

/** Throws AppError (SERVICE_UNAVAILABLE) with one line to show when the SQLite file is missing;
 *  never creates it. */
export function assertDatabaseExists(url = env.DATABASE_URL) {
  const file = missingSqliteFile(url);
  if (file) {
    throw new AppError(
      "SERVICE_UNAVAILABLE",
      `Cannot reach the database (${describeDatabase(url)}): no such file. ${DATABASE_HINT}, or run npm start once to create it.`,
    );
  }
}

/** As assertDatabaseExists, then also refuses a database with no migrations applied (a fresh
 *  PostgreSQL database, an empty file). Errors reaching the database itself are thrown as they
 *  are, for the caller to report. */
export async function assertDatabaseReady(client: Db = db, url = env.DATABASE_URL) {
  assertDatabaseExists(url);
  const applied = await appliedMigrations(client).catch((e: unknown) => {
    // no migrations table: nothing was ever applied
    if (/_prisma_migrations/.test(String((e as Error)?.message))) return new Set<string>();
    throw e;
  });
  if (applied.size === 0) {
    throw new AppError("SERVICE_UNAVAILABLE", `The database (${describeDatabase(url)}) has no tables yet: run npm start once or npm run db:migrate.`);
  }
}
