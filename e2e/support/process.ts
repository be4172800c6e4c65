import { spawn } from "node:child_process";
import { until } from "../../tests/support/until";

export type Running = {
  url: string;
  pid: number;
  output: () => string;
  /** the process group: the server and what it started */
  kill: (signal: NodeJS.Signals) => void;
  stop: () => Promise<void>;
};

/** Starts a process in its own process group and waits until it is ready: answering on /login
 *  at `port`, or, for a process without one, printing `readyWhen`. */
export async function startProcess(
  cmd: string[],
  opts: { cwd?: string; env: NodeJS.ProcessEnv; port?: number; readyWhen?: RegExp },
): Promise<Running> {
  const url = opts.port ? `http://localhost:${opts.port}` : "";
  const child = spawn(cmd[0]!, cmd.slice(1), { cwd: opts.cwd, env: opts.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const ready = async () => {
    if (opts.readyWhen) return opts.readyWhen.test(output);
    try {
      return (await fetch(`${url}/login`, { redirect: "manual" })).status < 500;
    } catch {
      return false; // not listening yet
    }
  };
  const kill = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
  };
  try {
    await until(
      async () => {
        if (child.exitCode !== null) throw new Error(`${cmd.join(" ")} exited during start:\n${output}`);
        return ready();
      },
      { timeoutMs: 120_000, intervalMs: 300, message: () => `${cmd.join(" ")} to be ready:\n${output}` },
    );
  } catch (e) {
    kill("SIGKILL"); // not handed to the caller, so nothing else would stop it
    throw e;
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    kill,
    stop: async () => {
      kill("SIGTERM");
      await exited;
    },
  };
}
