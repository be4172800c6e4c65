// npm test: the whole suite. The schema copy check, ESLint and the layer rules, then Vitest (unit
// tests, and database tests on SQLite, plus PostgreSQL when TEST_POSTGRES_URL is set), then
// Playwright against the production build in Chromium.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// Loading the Playwright config finds Chromium, or says what to install; do it before the long steps.
const check = spawnSync("node_modules/.bin/playwright", ["test", "--list"], { env, encoding: "utf8" });
if (check.status !== 0) {
  console.error(check.stderr.match(/The browser tests need Chromium[^\n]*/)?.[0] ?? check.stderr);
  process.exit(1);
}
const steps = [
  ["Prisma schema copy", "node", ["scripts/prisma-schema.mjs", "--check"]],
  ["ESLint", "node_modules/.bin/eslint", [".", "--max-warnings", "0"]],
  ["Layer rules (dependency-cruiser)", "node_modules/.bin/depcruise", ["src", "scripts", "--config", ".dependency-cruiser.cjs"]],
  ["Unit and database tests", "node_modules/.bin/vitest", ["run"]],
  ["Browser tests", "node_modules/.bin/playwright", ["test"]],
];
const failed = [];
for (const [title, cmd, args] of steps) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  console.log(`=== ${title}: ${r.status === 0 ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (r.status !== 0) failed.push(title);
}
if (failed.length) {
  console.error(`\nFailed: ${failed.join(", ")}`);
  process.exit(1);
}
