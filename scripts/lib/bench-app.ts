// The built app as the HTTP benchmarks run it: its environment on a scratch database and state
// folder, and `next start` with its worker in the same process, stopped with its whole group.
import { spawn, spawnSync } from "node:child_process";
import { waitFor } from "./bench-http";

/** The environment of a benchmark's app on `databaseUrl` and `stateDir`, served on `port`: the
 *  whole filesystem as the library, no schedule, the worker in the web process, cheap bcrypt. */
export function benchAppEnv(databaseUrl: string, stateDir: string, port: number) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    STATE_DIR: stateDir,
    LIBRARY_ROOT: "/",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
    SCHEDULER: "off",
    SCAN_WORKER: "on",
    BCRYPT_COST: "4",
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

export type BenchEnv = ReturnType<typeof benchAppEnv>;

/** Runs scripts/bench-api-seed.ts with `args` in `env` (see its header); returns its output,
 *  or throws with its errors. */
export function seedBench(env: BenchEnv, args: string[]): string {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench-api-seed.ts", ...args], { env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`bench-api-seed.ts ${args.join(" ")} failed:\n${run.stderr}`);
  return run.stdout.trim();
}

/** Starts the built app on `port` in `env` and waits for its sign-in page; `stop` ends it. */
export async function startBenchApp(env: BenchEnv, port: number) {
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(port)], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  server.stdout!.on("data", (d) => (out += d));
  server.stderr!.on("data", (d) => (out += d));
  const stop = () => process.kill(-server.pid!, "SIGTERM");
  try {
    await waitFor(`http://localhost:${port}/login`, server, () => out);
  } catch (e) {
    stop();
    throw e;
  }
  return { stop };
}
