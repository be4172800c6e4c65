// Starts extra Folio servers with Folio's own start command, for tests that need a set-up of
// their own (no users yet, a restart with other environment values, PostgreSQL).
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { e2eServerEnv } from "./constants";

export type Folio = { url: string; output: () => string; stop: () => Promise<void> };

let nextPort = 3311;
export const freshPort = () => nextPort++;

export function resetState(name: string) {
  rmSync(path.resolve("var/e2e", name), { recursive: true, force: true });
}

export async function startFolio(name: string, opts: { port: number; env?: Record<string, string> }): Promise<Folio> {
  const url = `http://localhost:${opts.port}`;
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
    env: e2eServerEnv(name, opts.port, opts.env),
    detached: true, // its own process group, so stop() also ends next start
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Folio '${name}' exited during start:\n${output}`);
    try {
      const res = await fetch(`${url}/login`, { redirect: "manual" });
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Folio '${name}' did not answer on ${url}:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
}
