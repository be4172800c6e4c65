// Prisma 6.19 CLI config that works offline: the WASM schema engine talks to the database
// through the same driver adapters as the app. The provider, schema copy and migration folder
// follow the scheme of DATABASE_URL (see src/env.ts for the defaults).
import path from "node:path";
import { mkdirSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { env, isPostgresUrl, sqliteFile } from "./src/env";

const url = env.DATABASE_URL;
const isPg = isPostgresUrl(url);
// The schema reads url = env("DATABASE_URL"); without it Prisma falls back to the native
// engine and fails with a misleading "ENOTFOUND binaries.prisma.sh".
process.env.DATABASE_URL = url;

// method syntax: the adapter's own query type has more fields than this code reads
type Adapter = {
  executeRaw(q: { sql: string; args: unknown[] }): Promise<number>;
  executeScript(sql: string): Promise<void>;
};

/** SQLite: the schema engine replays whole migration files through executeRaw, which
 *  better-sqlite3 rejects when they hold several statements (P3006). */
function allowScripts<T extends Adapter>(a: T): T {
  const executeRaw = a.executeRaw.bind(a);
  a.executeRaw = async (q: { sql: string; args: unknown[] }) => {
    if (q.args.length === 0 && /;\s*\S/.test(q.sql)) {
      await a.executeScript(q.sql);
      return 0;
    }
    return executeRaw(q);
  };
  return a;
}

/** PostgreSQL (prisma/orm#27403): adapter-pg cannot decode catalog columns of type name,
 *  "char", regproc, regclass and their arrays; report them as text. */
const CATALOG_TYPES_AS_TEXT: Record<number, number> = { 18: 25, 19: 25, 24: 25, 2205: 25, 1002: 1009, 1003: 1009 };
function catalogAsText<T extends object>(a: T): T {
  const io = a as unknown as { performIO: (q: unknown) => Promise<{ fields?: { dataTypeID: number }[] }> };
  const performIO = io.performIO.bind(a);
  io.performIO = async (query) => {
    const res = await performIO(query);
    for (const f of res.fields ?? []) f.dataTypeID = CATALOG_TYPES_AS_TEXT[f.dataTypeID] ?? f.dataTypeID;
    return res;
  };
  const tx = a as unknown as { startTransaction?: (...args: unknown[]) => Promise<object> };
  const start = tx.startTransaction?.bind(a);
  if (start) tx.startTransaction = async (...args) => catalogAsText(await start(...args));
  return a;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", isPg ? "schema.postgresql.prisma" : "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations", isPg ? "postgresql" : "sqlite") },
  async adapter() {
    if (isPg) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      const { default: pg } = await import("pg");
      const { randomUUID } = await import("node:crypto");
      const u = new URL(url);
      // Discrete fields: with a connectionString, node-postgres ignores the shadow database name.
      const cfg = {
        host: u.hostname,
        port: Number(u.port || 5432),
        user: decodeURIComponent(u.username),
        password: decodeURIComponent(u.password),
        database: decodeURIComponent(u.pathname.slice(1)),
        // the CLI never closes its pool: let an idle pool end the process (scripts/prisma-preload.cjs)
        allowExitOnIdle: true,
      };
      class MigratePg extends PrismaPg {
        async connect() {
          return catalogAsText(await super.connect());
        }
        // adapter-pg drops its shadow database before closing the pool that uses it; this
        // closes first. The role needs CREATEDB (only for authoring migrations).
        async connectToShadowDb() {
          const name = `folio_shadow_${randomUUID().replace(/-/g, "")}`;
          const admin = new pg.Client(cfg);
          await admin.connect();
          await admin.query(`CREATE DATABASE "${name}"`);
          const pool = new pg.Pool({ ...cfg, database: name });
          const adapter = await new PrismaPg(pool).connect();
          adapter.dispose = async () => {
            await pool.end();
            await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
            await admin.end();
          };
          return catalogAsText(adapter);
        }
      }
      return new MigratePg(cfg);
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    mkdirSync(path.dirname(sqliteFile(url)), { recursive: true });
    class ScriptSafeSQLite extends PrismaBetterSQLite3 {
      async connect() {
        return allowScripts(await super.connect());
      }
      async connectToShadowDb() {
        return allowScripts(await super.connectToShadowDb());
      }
    }
    return new ScriptSafeSQLite({ url });
  },
});
