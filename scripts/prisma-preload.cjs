// Preloaded into the Prisma CLI by src/server/db/migrate.ts. With PostgreSQL the WASM schema
// engine leaves a 10 s timer pending after its work is done, so every command idled that long
// before exiting. Long timers still fire when unref'd; they just no longer hold the process
// open (a pending query's socket still does).
const setTimeoutHeld = globalThis.setTimeout;
globalThis.setTimeout = function setTimeoutUnrefLong(fn, ms, ...args) {
  const timer = setTimeoutHeld(fn, ms, ...args);
  return ms >= 5000 ? timer.unref() : timer;
};
