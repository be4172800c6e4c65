// A scan worker on its own, for installations that run workers apart from the web processes:
//   npx tsx scripts/worker.ts
// On SIGINT/SIGTERM it hands its running scan back to the queue and exits: the next worker
// resumes it at once, redoing at most the file that was being read. A web process with
// SCAN_WORKER=on runs this as its child (src/server/jobs/worker-process.ts) with
// --low-priority; that child also leaves as soon as its parent is gone.
import { stopConversions } from "../src/server/scanner/renditions";
import { readdirSync } from "node:fs";
import os from "node:os";
import { prepareDatabase } from "../src/server/db/maintenance";
import { handBackJobs } from "../src/server/jobs/queue";
import { startWorker, type Worker } from "../src/server/jobs/worker";
import { describeDatabase } from "../src/server/db/migrate";
import { assertDatabaseReady } from "../src/server/db/ready";
import { AppError } from "../src/server/errors";
import { limitWorkerHeapGrowth } from "../src/server/jobs/worker-heap";

limitWorkerHeapGrowth();
const log = (m: string) => console.log(`[folio-worker] ${m}`);
const LEAVE_TIMEOUT_MS = 10_000;

/** Linux sets priority per thread, and new threads inherit their creator's: lower every thread
 *  there is now (libuv's pool, whose threads go on to start sharp's), not only the main one. */
function lowerPriority() {
  let threads: number[] = [0];
  try {
    threads = readdirSync("/proc/self/task").map(Number);
  } catch {
    // no /proc: this thread at least
  }
  for (const tid of threads) {
    try {
      os.setPriority(tid, 10);
    } catch {
      // the thread ended in between
    }
  }
}

let worker: Worker | null = null;
let leaving = false;
async function leaveNow(why: string) {
  if (leaving) return;
  leaving = true;
  // a database that does not answer must not keep a worker alive without its parent
  setTimeout(() => process.exit(1), LEAVE_TIMEOUT_MS).unref();
  // ffmpeg first: a conversion must not go on encoding beside the worker that takes the job over
  stopConversions();
  const handed = worker ? await handBackJobs(worker.id).catch(() => 0) : 0;
  log(`${why}: exiting${handed ? "; the running scan resumes on the next worker" : ""}`);
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void leaveNow(signal));
if (process.send) {
  process.on("disconnect", () => void leaveNow("the web process is gone"));
  if (!process.connected) void leaveNow("the web process is gone");
}
if (process.argv.includes("--low-priority")) lowerPriority();

try {
  // a missing or empty database is reported in one line, never created
  await assertDatabaseReady();
} catch (e) {
  console.error(e instanceof AppError ? `[folio-worker] ${e.message}` : `[folio-worker] cannot reach the database (${describeDatabase()}): ${(e as Error).message}`);
  process.exit(1);
}
await prepareDatabase("worker");
if (!leaving) {
  worker = startWorker(log);
  log(`worker ${worker.id} started on ${describeDatabase()}`);
}
