// Applies the migrations of the configured database with the Prisma CLI (offline WASM engine,
// see prisma.config.ts). Used at start-up and by npm run db:migrate.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { childEnv, env, isPostgresUrl, sqliteFile } from "~/env";

/** The database of `url` in words for messages, without its password. */
export function describeDatabase(url = env.DATABASE_URL) {
  if (!isPostgresUrl(url)) return `SQLite at ${sqliteFile(url)}`;
  const u = new URL(url);
  return `PostgreSQL database "${u.pathname.slice(1)}" on ${u.hostname}:${u.port || 5432}`;
}

/** Applies the pending migrations of `url`'s engine with the Prisma CLI; returns a line saying
 *  what it did, or throws with the CLI's last lines. */
export function applyMigrations(url = env.DATABASE_URL) {
  if (!isPostgresUrl(url)) mkdirSync(path.dirname(sqliteFile(url)), { recursive: true });
  const cli = path.resolve("node_modules", "prisma", "build", "index.js");
  const preload = path.resolve("scripts", "prisma-preload.cjs");
  const run = spawnSync(process.execPath, ["--require", preload, cli, "migrate", "deploy"], {
    env: childEnv({ DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" }),
    encoding: "utf8",
  });
  if (run.status !== 0) {
    const detail = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim().split("\n").slice(-5).join("\n");
    throw new Error(`Could not apply the database migrations to ${describeDatabase(url)}:\n${detail || run.error?.message}`);
  }
  const applied = /(\d+) migrations? found/.exec(run.stdout)?.[1];
  return run.stdout.includes("No pending migrations")
    ? `database up to date (${applied ?? "all"} migrations)`
    : `migrations applied (${applied ?? "?"} in total)`;
}
