// How the scan worker's JavaScript heap grows. V8 lets the heap of old objects grow to a
// multiple of what survived the last full collection (up to 4x when collecting looks slow next
// to allocating) before it collects again. A scan allocates in bursts that survive a few
// seconds (the index rows and files of a batch, ExifTool's answers), so the worker's main heap
// reached 190 MB for 60 MB alive while comparing every row of a million photos (bench:scale,
// issue 18), and the process about 400 MB.
import v8 from "node:v8";

/** Heap growth past the live objects after a full collection, in percent (V8's
 *  --heap-growing-percent). A no-op rescan of a million files by the worker alone peaked at
 *  238-248 MB with it against 287-305 MB with V8's default, in 5.2-6.6 s against 5.1-6.4 s.
 *  In bench:scale (with the folder threads' smaller young generation, folder-threads.ts), the
 *  scan finding 10,000 new files peaked at 308 MB on SQLite and 298 MB on PostgreSQL, against
 *  397 and 406 MB in the run before (the issue's target: under 400 MB). */
export const WORKER_HEAP_GROWING_PERCENT = 50;

/**
 * Sets the growth for this process, for the worker process only (scripts/worker.ts): the web
 * process answers requests and keeps V8's default. V8 reads the flag at every full collection,
 * so setting it after start-up takes effect from the next; a V8 without the flag ignores it.
 */
export function limitWorkerHeapGrowth() {
  v8.setFlagsFromString(`--heap-growing-percent=${WORKER_HEAP_GROWING_PERCENT}`);
}
