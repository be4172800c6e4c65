// Generates both Prisma clients (src/generated/sqlite and src/generated/postgresql) without
// any database: Prisma only needs a DATABASE_URL of the schema's own scheme to read it.
import { execFileSync } from "node:child_process";

execFileSync("node", ["scripts/prisma-schema.mjs"], { stdio: "inherit" });
const clients = [
  ["prisma/schema.prisma", "file:./var/generate.db"],
  ["prisma/schema.postgresql.prisma", "postgresql://generate@127.0.0.1:5432/generate"],
];
for (const [schema, url] of clients) {
  execFileSync("npx", ["prisma", "generate", "--schema", schema], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
console.log("generated the Prisma clients for SQLite and PostgreSQL");
