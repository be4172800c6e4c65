// Authors one migration for both databases from the canonical prisma/schema.prisma:
//   npm run db:migration -- <name>
// Each provider's existing migrations are replayed into a throwaway shadow database and
// diffed against the schema, so no working database is touched. SQLite's shadow is in
// memory; PostgreSQL's is a temporary database on MIGRATE_PG_URL (default: the local
// server as user postgres), whose role needs CREATEDB. Full-text indexes made by hand (which
// Prisma cannot describe) are never dropped: see scripts/lib/hand-made-sql.mjs.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { keepHandMade } from "./lib/hand-made-sql.mjs";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:migration -- <name>   (for example: add_photo_rating)");
  process.exit(2);
}
execFileSync("node", ["scripts/prisma-schema.mjs"], { stdio: "inherit" });
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const targets = [
  { provider: "sqlite", schema: "prisma/schema.prisma", url: "file:./var/migration-scratch.db" },
  {
    provider: "postgresql",
    schema: "prisma/schema.postgresql.prisma",
    url: process.env.MIGRATE_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  },
];

const written = [];
for (const t of targets) {
  const dir = `prisma/migrations/${t.provider}`;
  mkdirSync(dir, { recursive: true });
  const hasMigrations = readdirSync(dir).some((d) => /^\d/.test(d));
  const from = hasMigrations ? ["--from-migrations", dir] : ["--from-empty"];
  let sql;
  try {
    execFileSync(
      "npx",
      ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", t.schema, "--script", "--exit-code"],
      { env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    console.log(`${t.provider}: schema unchanged, nothing written`);
    continue;
  } catch (e) {
    if (e.status !== 2) {
      console.error(`${t.provider}: prisma migrate diff failed (exit ${e.status}); nothing written for it`);
      process.exit(1);
    }
    sql = keepHandMade(t.provider, e.stdout); // exit code 2 means: there is a difference, and here it is
  }
  if (!sql) {
    console.log(`${t.provider}: schema unchanged (the diff only dropped the hand-made full-text indexes), nothing written`);
    continue;
  }
  const out = `${dir}/${stamp}_${name}`;
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/migration.sql`, sql.slice(Math.max(0, sql.indexOf("--"))));
  writeFileSync(`${dir}/migration_lock.toml`, `# Written by scripts/new-migration.mjs\nprovider = "${t.provider}"\n`);
  written.push(`${out}/migration.sql`);
}
for (const f of written) console.log(`wrote ${f}`);
if (written.length === 1) console.warn("only one provider changed: check that the schema edit is portable");
