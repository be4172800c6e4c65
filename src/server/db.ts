// The Prisma client. Both generated clients ship in every build; DATABASE_URL picks one at
// run time, so the same build serves SQLite and PostgreSQL.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env, isPostgresUrl, sqliteFile } from "~/env";
import { PrismaClient as PostgresClient } from "~/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";

/** The SQLite client's type stands for both: shared code uses only the portable subset. */
export type Db = SqliteClient;

export function createDb(url = env.DATABASE_URL): Db {
  if (isPostgresUrl(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  // busy timeout: a writer waits for another process's write instead of failing at once
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${sqliteFile(url)}`, timeout: 10_000 }) });
}

// One client per process: instrumentation and route handlers are separate bundles.
const cache = globalThis as unknown as { __folioDb?: Db };
export const db: Db = (cache.__folioDb ??= createDb());

export const usesPostgres = () => isPostgresUrl(env.DATABASE_URL);

/** Values for a raw statement and their placeholders for the engine in use. Call p() in the
 *  order the values appear in the text, once per use: SQLite's placeholders are positional. */
export function rawParams() {
  const params: unknown[] = [];
  const pg = usesPostgres();
  const p = (value: unknown) => {
    params.push(value);
    return pg ? `$${params.length}` : "?";
  };
  return { params, p };
}

/** Once per process before work starts. SQLite: WAL lets readers (the web UI) go on while a
 *  writer (a scan) holds the database; the setting stays in the file. */
export async function prepareDatabase() {
  if (!usesPostgres()) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}

/** Fresh statistics let the planner pick, per scan path, between walking the date index (a
 *  large share of the library) and collecting a small subtree through the folder index:
 *  the wrong choice costs a timeline page 100 times over. */
export async function refreshPlannerStatistics() {
  await db.$executeRawUnsafe(`ANALYZE "Photo"`);
  // SQLite: other connections (the web process, when a worker process scanned) load statistics
  // with the schema, and a new ANALYZE does not change the schema. A table made and dropped
  // does, so they reload both at their next statement.
  if (!usesPostgres()) {
    await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_folio_reload_statistics" ("x" INTEGER)`);
    await db.$executeRawUnsafe(`DROP TABLE "_folio_reload_statistics"`);
  }
}
