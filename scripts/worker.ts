// A scan worker on its own, for installations that run workers apart from the web processes:
//   npx tsx scripts/worker.ts
// SIGINT/SIGTERM: stops after the current job; a second signal hands the job back and exits.
// A web process with SCAN_WORKER=on runs this as its child (src/server/jobs/worker-process.ts)
// with --low-priority; that child hands its job back and exits as soon as its parent is gone.
import { readdirSync } from "node:fs";
import os from "node:os";
import { prepareDatabase } from "../src/server/db";
import { handBackJobs } from "../src/server/jobs/queue";
import { startWorker } from "../src/server/jobs/worker";
import { describeDatabase } from "../src/server/migrations";

const log = (m: string) => console.log(`[folio-worker] ${m}`);
/** Linux sets priority per thread, and new threads inherit their creator's: lower every thread
 *  there is now (libuv's pool, whose threads go on to start sharp's), not only the main one. */
function lowerPriority() {
  let threads: number[] = [];
  try {
    threads = readdirSync("/proc/self/task").map(Number);
  } catch {
    threads = [0]; // no /proc: this thread at least
  }
  for (const tid of threads) os.setPriority(tid, 10);
}
if (process.argv.includes("--low-priority")) lowerPriority();
await prepareDatabase();
const worker = startWorker(log);
log(`worker ${worker.id} started on ${describeDatabase()}`);

let leaving = false;
async function leaveNow(why: string) {
  if (leaving) return;
  leaving = true;
  const handed = await handBackJobs(worker.id).catch(() => 0);
  log(`${why}: exiting${handed ? "; the running scan resumes on the next worker" : ""}`);
  process.exit(0);
}

let signalled = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (signalled || process.send) return void leaveNow(signal);
    signalled = true;
    log(`${signal}: stopping after the current job (send it again to stop now)`);
    void worker.stop().then(() => process.exit(0));
  });
}
if (process.send) process.on("disconnect", () => void leaveNow("the web process is gone"));
