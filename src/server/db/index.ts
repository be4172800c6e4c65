// The Prisma client. Both generated clients ship in every build; DATABASE_URL picks one at
// run time, so the same build serves SQLite and PostgreSQL. Everything engine-specific (raw
// statements, dialect branches) lives in this folder and nowhere else.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env, isPostgresUrl, sqliteFile } from "~/env";
import { PrismaClient as PostgresClient } from "~/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import type { Dialect } from "./dialect";

/** The SQLite client's type stands for both: shared code uses only the portable subset. */
export type Db = SqliteClient;
/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A client for `url` (default DATABASE_URL); connects on its first query. */
export function createDb(url = env.DATABASE_URL): Db {
  if (isPostgresUrl(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  // busy timeout: a writer waits for another process's write instead of failing at once;
  // fileMustExist: only migrations create the database (db/ready.ts says what to do instead)
  return new SqliteClient({ adapter: new ImmediateTransactions({ url: `file:${sqliteFile(url)}`, timeout: 10_000, fileMustExist: true }) });
}

/** better-sqlite3's connection, as the Prisma adapter keeps it. */
type Connection = { client: { prepare: (sql: string) => unknown } };

/**
 * The SQLite adapter with transactions that take the write lock as they begin (BEGIN IMMEDIATE,
 * waiting up to the busy timeout for it). The adapter's plain BEGIN defers the lock to the first
 * write, and in WAL mode a transaction that read before another process committed can then not
 * write at all: SQLITE_BUSY at once, which no busy timeout waits out ("database is locked" when
 * an admin saved a user while the scan worker wrote; tests/db/concurrent-writes.test.ts).
 */
class ImmediateTransactions extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const client = (adapter as unknown as Connection).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  }
}

// One client per process: instrumentation and route handlers are separate bundles.
const cache = globalThis as unknown as { __folioDb?: Db };
export const db: Db = (cache.__folioDb ??= createDb());

/** The engine of DATABASE_URL. */
export const dialect = (): Dialect => (isPostgresUrl(env.DATABASE_URL) ? "postgresql" : "sqlite");
/** True on PostgreSQL (for tests that look at engine-specific plans or catalogs). */
export const usesPostgres = () => dialect() === "postgresql";
