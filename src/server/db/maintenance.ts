// Database upkeep outside any one request: engine settings at start-up, planner statistics after
// a scan, and which migrations a database has applied (for /api/health).
import { db, dialect, type Db } from "./index";
import type { Dialect, Statement } from "./dialect";
import { forgetSearchStatistics } from "./search-statistics";

/** Which process prepares the database: the web server, or the scan worker. */
export type ProcessRole = "web" | "worker";

/** SQLite: WAL lets readers (the web UI) go on while a writer (a scan) holds the database; the
 *  setting stays in the file. The web process's page cache at 64 MiB instead of SQLite's 2 MiB:
 *  searches that each walk other pages of a large index no longer evict one another. The
 *  worker's at 8 MiB: it reads most pages once per scan, the operating system's cache keeps them
 *  all the same, and at 64 MiB a scan comparing every row of a million photos took it to
 *  437 MB (398 MB at 16 MiB; the target is 400 MB, issue 18). No memory map: its pages count in
 *  the process's resident memory, which it filled to its 256 MiB at a million photos (the web
 *  process at 520 MB after paging through 10,000 photos in bench:scale). PostgreSQL: nothing. */
export const prepareStatements = (d: Dialect, role: ProcessRole): Statement[] =>
  d === "sqlite"
    ? [
        { sql: "PRAGMA journal_mode = WAL", params: [] },
        { sql: `PRAGMA cache_size = ${role === "web" ? -65_536 : -8_192}`, params: [] },
      ]
    : [];

/** Once per process before work starts (web and worker alike). */
export async function prepareDatabase(role: ProcessRole) {
  // a PRAGMA that answers a row: a query, not an execute
  for (const s of prepareStatements(dialect(), role)) await db.$queryRawUnsafe(s.sql, ...s.params);
}

/** ANALYZE, and on SQLite a table made and dropped: other connections (the web process, when a
 *  worker process scanned) load statistics with the schema, and a new ANALYZE does not change
 *  the schema; a schema change makes them reload both at their next statement. */
export const statisticsStatements = (d: Dialect): Statement[] => [
  { sql: `ANALYZE "Photo"`, params: [] },
  // PostgreSQL also samples the search words (search plans from their most common ones) and the
  // folder summary: without statistics it removed 100 folders' month rows by reading all of a
  // million (its own autovacuum may be off, or not have come by yet)
  ...(d === "postgresql" ? [{ sql: `ANALYZE "PhotoSearch", "Folder", "FolderMonth"`, params: [] }] : []),
  ...(d === "sqlite"
    ? [
        { sql: `CREATE TABLE IF NOT EXISTS "_folio_reload_statistics" ("x" INTEGER)`, params: [] },
        { sql: `DROP TABLE "_folio_reload_statistics"`, params: [] },
      ]
    : []),
];

/** Fresh statistics let the planner pick, per scan path, between walking the date index (a
 *  large share of the library) and collecting a small subtree through the folder index:
 *  the wrong choice costs a timeline page 100 times over. */
export async function refreshPlannerStatistics() {
  for (const s of statisticsStatements(dialect())) await db.$executeRawUnsafe(s.sql, ...s.params);
  forgetSearchStatistics();
}

/** Whether a scan that changed `changed` rows of a root holding `found` files calls for new
 *  statistics: every change to a root under 10,000 files, else one file in ten. The plans turn
 *  on proportions, which a few changes do not move, and SQLite's ANALYZE reads every index
 *  whole (sampling it, analysis_limit, gave a user on 1/1,000 of 100,000 photos a plan five
 *  times slower in bench:scale). */
export const statisticsDue = (changed: number, found: number) => changed > 0 && (found < 10_000 || changed * 10 >= found);

export const appliedMigrationsStatement: Statement = {
  sql: `SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
  params: [],
};

/** The names of the migrations `client` has applied completely. Throws when the database does
 *  not answer. */
export async function appliedMigrations(client: Db = db) {
  const rows = await client.$queryRawUnsafe<{ name: string }[]>(appliedMigrationsStatement.sql);
  return new Set(rows.map((r) => r.name));
}
