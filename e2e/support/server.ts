// Starts extra Folio servers with Folio's own start command, for tests that need a set-up of
// their own (no users yet, a restart with other environment values, PostgreSQL).
import { rmSync } from "node:fs";
import path from "node:path";
import { e2eServerEnv } from "./constants";
import { startProcess, type Running } from "./process";

export type Folio = Running;

let nextPort = 3311;
export const freshPort = () => nextPort++;

export function resetState(name: string) {
  rmSync(path.resolve("var/e2e", name), { recursive: true, force: true });
}

export async function startFolio(name: string, opts: { port: number; env?: Record<string, string> }): Promise<Folio> {
  return startProcess(["node_modules/.bin/tsx", "scripts/start.ts"], { env: e2eServerEnv(name, opts.port, opts.env), port: opts.port });
}

/** A scan worker on its own (npm run worker), with the environment of the servers named `name`. */
export async function startWorker(name: string, env: Record<string, string> = {}): Promise<Folio> {
  return startProcess(["node_modules/.bin/tsx", "scripts/worker.ts"], { env: e2eServerEnv(name, 0, env), readyWhen: /worker \S+ started on/ });
}
