// Starts extra Folio servers with Folio's own start command, for tests that need a set-up of
// their own (no users yet, a restart with other environment values, PostgreSQL).
import { rmSync } from "node:fs";
import path from "node:path";
import { E2E_PORT, e2eServerEnv } from "./constants";
import { startProcess, type Running } from "./process";

export type Folio = Running;

// Above the main server's port, so checkouts run side by side with different E2E_PORTs, and 50
// apart for each of Playwright's parallel workers
let nextPort = E2E_PORT + 100 + 50 * Number(process.env.TEST_PARALLEL_INDEX ?? 0);
/** A port for one more server: E2E_PORT + 100 and up (+ 50 for each parallel worker). */
export const freshPort = () => nextPort++;

export function resetState(name: string) {
  rmSync(path.resolve("var/e2e", name), { recursive: true, force: true });
}

export async function startFolio(name: string, opts: { port: number; env?: Record<string, string> }): Promise<Folio> {
  return startProcess(["node_modules/.bin/tsx", "scripts/start.ts"], { env: e2eServerEnv(name, opts.port, opts.env), port: opts.port });
}

/** A scan worker on its own (npm run worker), with the environment of the servers named `name`
 *  (its port is never listened on). */
export async function startWorker(name: string, env: Record<string, string> = {}): Promise<Folio> {
  // node itself, not the tsx wrapper: the pid is the worker's, the one in its worker id
  return startProcess([process.execPath, "--import", "tsx", "scripts/worker.ts"], {
    env: e2eServerEnv(name, freshPort(), env),
    readyWhen: /worker \S+ started on/,
  });
}
