// npm start's supervision of the server (scripts/start.ts), with a stand-in for
// scripts/server.mjs so no build is needed: start.ts runs in a folder whose scripts/server.mjs
// is the stand-in, and the real node_modules, prisma and its preload beside it.
//  - a server that dies of a signal (the OOM killer's SIGKILL, a crash) makes start.ts exit
//    with an error, not 0, so a restart policy such as on-failure starts Folio again;
//  - as PID 1 (the container: no init reaps orphans) start.ts still exits once the server and
//    the worker it started are gone: a worker that outlives its server is re-parented to
//    start.ts, which never reaps it, and a zombie still counts for kill(-pgid, 0).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(".");

/** A folder start.ts can run in, whose server is `server` (an ES module's source). */
function sandbox(server: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "folio-start-"));
  for (const entry of ["node_modules", "prisma", "prisma.config.ts", "package.json", "tsconfig.json", "src"]) symlinkSync(path.join(repo, entry), path.join(dir, entry));
  mkdirSync(path.join(dir, "scripts"));
  symlinkSync(path.join(repo, "scripts", "prisma-preload.cjs"), path.join(dir, "scripts", "prisma-preload.cjs"));
  writeFileSync(path.join(dir, "scripts", "server.mjs"), server);
  mkdirSync(path.join(dir, ".next"));
  writeFileSync(path.join(dir, ".next", "BUILD_ID"), "test");
  mkdirSync(path.join(dir, "state"));
  mkdirSync(path.join(dir, "library"));
  return dir;
}

/** Runs start.ts in `dir` (behind `prefix`, such as unshare), resolving with its exit code and
 *  signal, or "hung" after `limitMs`. */
function runStart(dir: string, prefix: string[] = [], limitMs = 20_000) {
  const args = [...prefix, process.execPath, "--import", "tsx", path.join(repo, "scripts", "start.ts")];
  const env = { ...process.env, NODE_ENV: "production" as const, STATE_DIR: path.join(dir, "state"), LIBRARY_ROOT: path.join(dir, "library"), DATABASE_URL: "", PORT: "39517" };
  const child = spawn(args[0]!, args.slice(1), { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise<{ code: number | null; signal: string | null; output: string } | "hung">((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve("hung");
    }, limitMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

// a worker that takes a moment to hand its scan back after SIGTERM, so it outlives the server
const WORKER = `process.on("SIGTERM", () => setTimeout(() => process.exit(0), 500)); setInterval(() => {}, 1000);`;
const serverThat = (end: string) => `import { spawn } from "node:child_process";
spawn(process.execPath, ["-e", ${JSON.stringify(WORKER)}], { stdio: "ignore" });
process.on("SIGTERM", () => process.exit(0));
setTimeout(() => { ${end} }, 500);
setInterval(() => {}, 1000);
`;

describe("npm start when the server goes", () => {
  it("exits with an error when the server dies of a signal", async () => {
    const result = await runStart(sandbox(serverThat(`process.kill(process.pid, "SIGKILL");`)));
    expect(result).not.toBe("hung");
    if (result === "hung") return;
    // it got as far as starting the server
    expect(result.output).toContain("Folio: open");
    expect(result.code, result.output).not.toBe(0);
    expect(result.code).not.toBeNull();
  }, 40_000);

  // a PID namespace of its own, as in a container; --map-root-user lets a user without root make one.
  // The limit is the other test's: start.ts's migrations alone took over 8 s on a loaded machine,
  // and a start.ts that waits on the zombie never exits at all
  it("exits as PID 1 once the server and its worker are gone, a zombie worker included", async () => {
    const result = await runStart(sandbox(serverThat(`process.exit(3);`)), ["unshare", "--user", "--map-root-user", "--fork", "--pid", "--mount-proc", "--kill-child"]);
    expect(result).not.toBe("hung");
    if (result === "hung") return;
    expect(result.output).toContain("Folio: open");
    expect(result.code, result.output).toBe(3);
  }, 40_000);
});
