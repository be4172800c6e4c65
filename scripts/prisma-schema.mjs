// Writes prisma/schema.postgresql.prisma from the canonical prisma/schema.prisma (SQLite).
// Only the datasource provider and the generated client's folder differ, so one build can
// carry both clients and pick one at run time from DATABASE_URL.
// Usage: node scripts/prisma-schema.mjs [--check]
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const src = "prisma/schema.prisma";
const dst = "prisma/schema.postgresql.prisma";
const canonical = readFileSync(src, "utf8");
const provider = /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/;
const output = /(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/src\/generated\/sqlite"/;
for (const [re, what] of [[provider, 'provider = "sqlite"'], [output, 'output = "../src/generated/sqlite"']]) {
  if (!re.test(canonical)) {
    console.error(`${src}: expected ${what}`);
    process.exit(1);
  }
}
const pg =
  "// GENERATED from prisma/schema.prisma by scripts/prisma-schema.mjs: do not edit.\n" +
  canonical.replace(provider, '$1"postgresql"').replace(output, '$1"../src/generated/postgresql"');

const current = existsSync(dst) ? readFileSync(dst, "utf8") : null;
if (process.argv.includes("--check")) {
  if (current !== pg) {
    console.error(`${dst} is out of date: run node scripts/prisma-schema.mjs`);
    process.exit(1);
  }
} else if (current !== pg) {
  writeFileSync(dst, pg);
  console.log(`wrote ${dst}`);
}
