// The scan worker of a web process (SCAN_WORKER=on) runs as a child process at a lower CPU
// priority: decoding and resizing camera files would otherwise take the cores from the
// requests of people browsing. The child is scripts/worker.ts, restarted when it dies, and it
// exits when this process goes away (its IPC channel closes), so no worker outlives its server.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { childEnv } from "~/env";

const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 30_000;

export type WorkerProcessStatus = {
  pid: number | null;
  running: boolean;
  startedAt: string | null;
  restarts: number;
  lastExit: string | null;
};

export type WorkerProcess = { status: () => WorkerProcessStatus; stop: () => void };

export function startWorkerProcess(log: (m: string) => void): WorkerProcess {
  const script = path.join(/* turbopackIgnore: true */ process.cwd(), "scripts", "worker.ts");
  let child: ChildProcess | null = null;
  let stopping = false;
  let delay = RESTART_MIN_MS;
  const status: WorkerProcessStatus = { pid: null, running: false, startedAt: null, restarts: 0, lastExit: null };

  const launch = () => {
    const started = Date.now();
    child = spawn(process.execPath, ["--import", "tsx", script, "--low-priority"], {
      cwd: process.cwd(),
      env: childEnv(),
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    Object.assign(status, { pid: child.pid ?? null, running: true, startedAt: new Date(started).toISOString() });
    child.on("error", (e) => log(`scan worker process could not start: ${e.message}`));
    child.on("exit", (code, signal) => {
      Object.assign(status, { pid: null, running: false, lastExit: `${new Date().toISOString()} (${signal ?? `code ${code}`})` });
      if (stopping) return;
      // a worker that ran a while gets restarted at once; one that keeps dying, less and less often
      delay = Date.now() - started > 60_000 ? RESTART_MIN_MS : Math.min(delay * 2, RESTART_MAX_MS);
      log(`scan worker process exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s`);
      setTimeout(() => {
        if (stopping) return;
        status.restarts++;
        launch();
      }, delay).unref();
    });
  };
  launch();
  const stop = () => {
    if (stopping) return;
    stopping = true;
    child?.kill("SIGTERM");
  };
  // at once, not only at exit: the child hands its scan back while there is still time, and a
  // child that got the same signal (Ctrl-C reaches the whole group) is not started again
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, stop);
  process.once("exit", stop);
  return { status: () => ({ ...status }), stop };
}
