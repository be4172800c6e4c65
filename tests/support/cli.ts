// Runs the project's CLIs as real processes, with the test file's database in their environment.
import { spawn } from "node:child_process";

export type CliResult = { code: number | null; stdout: string; stderr: string };

export function runCli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/tsx", args, { env: { ...process.env, ...opts.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? "");
  });
}

/** Runs a command in a real pseudo-terminal (util-linux `script`), answering each prompt as it
 *  appears, so the program sees a TTY exactly as a person at a shell. */
export function runInTerminal(command: string, answers: { prompt: string; reply: string }[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("script", ["-qfec", command, "/dev/null"], { env: { ...process.env, TERM: "dumb" } });
    let output = "";
    let answered = 0;
    let searchFrom = 0;
    child.stdout.on("data", (d) => {
      output += d;
      const next = answers[answered];
      if (!next) return;
      const at = output.indexOf(next.prompt, searchFrom);
      if (at >= 0) {
        searchFrom = at + next.prompt.length;
        answered++;
        child.stdin.write(`${next.reply}\r`);
      }
    });
    child.on("close", (code) => resolve({ code, output }));
  });
}
