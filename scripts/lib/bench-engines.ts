// What every benchmark script does around its measures: build the app when it is missing or stale, then
// run the measures on SQLite and, with BENCH_POSTGRES_URL or TEST_POSTGRES_URL, on a scratch
// PostgreSQL database dropped afterwards.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "./build-stale";
import { createScratchDatabase } from "./pg-admin";

/** Builds the app (`next build`) when there is no build or it is older than the sources
 *  (`buildIsStale`); exits the process when the build fails. */
export function buildIfStale() {
  if (!buildIsStale()) return;
  console.log("building the app first...");
  const b = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (b.status !== 0) process.exit(1);
}

/** Runs `run(name, databaseUrl)` on SQLite (a file in `work`), then on PostgreSQL when a server is
 *  given, or says it was skipped. */
export async function onEachEngine(work: string, run: (name: string, databaseUrl: string) => Promise<void>) {
  await run("SQLite", `file:${path.join(work, "bench.db")}`);
  const pgUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  if (!pgUrl) {
    console.log("PostgreSQL: skipped (set BENCH_POSTGRES_URL or TEST_POSTGRES_URL)");
    return;
  }
  const scratch = await createScratchDatabase(pgUrl, "folio_bench_");
  try {
    await run("PostgreSQL", scratch.url);
  } finally {
    await scratch.drop();
  }
}
