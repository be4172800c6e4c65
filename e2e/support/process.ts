import { spawn } from "node:child_process";

export type Running = { url: string; output: () => string; stop: () => Promise<void> };

/** Starts a server process in its own process group and waits until it answers on /login. */
export async function startProcess(cmd: string[], opts: { cwd?: string; env: NodeJS.ProcessEnv; port: number }): Promise<Running> {
  const url = `http://localhost:${opts.port}`;
  const child = spawn(cmd[0]!, cmd.slice(1), { cwd: opts.cwd, env: opts.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${cmd.join(" ")} exited during start:\n${output}`);
    try {
      if ((await fetch(`${url}/login`, { redirect: "manual" })).status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${cmd.join(" ")} did not answer on ${url}:\n${output}`);
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
