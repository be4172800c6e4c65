// npm start: everything a fresh clone needs, then the server.
//   creates STATE_DIR and LIBRARY_ROOT, applies migrations, builds when the build is missing
//   or older than the sources, and serves on HOST:PORT (scripts/server.mjs, Next's handler
//   behind node:http). --dev runs next dev instead.
// Stopping: the server runs in a process group of its own, with everything it starts (the scan
// worker, ffmpeg, ExifTool). On SIGTERM, SIGINT or SIGHUP, or when the process that started this
// one is gone (npm's shell does not pass signals on), the whole group is sent SIGTERM, then
// SIGKILL after STOP_GRACE_MS, and this process exits once none of it is left.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { buildIsStale } from "./lib/build-stale";
import { constants } from "node:os";
import path from "node:path";

// Imported inside try: an invalid environment is reported as one clear message, not a trace.
let folio: typeof import("../src/env") & typeof import("../src/server/db/migrate");
try {
  folio = { ...(await import("../src/env")), ...(await import("../src/server/db/migrate")) };
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const { childEnv, env, applyMigrations, describeDatabase } = folio;

const dev = process.argv.includes("--dev");
const STOP_GRACE_MS = 10_000;
const next = path.resolve("node_modules", ".bin", "next");

function main() {
  mkdirSync(env.STATE_DIR, { recursive: true });
  mkdirSync(env.LIBRARY_ROOT, { recursive: true });
  console.log(`Folio: ${describeDatabase()}`);
  console.log(`Folio: ${applyMigrations()}`);
  if (!dev && env.NODE_ENV === "production") {
    // a production install (the container) has no build tools: never build at start
    if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no build found: run npm run build first.");
  } else if (!dev && buildIsStale()) {
    // 60 s on a quiet 2-core machine here, 2 min 20 s in a first-time user's report (README)
    console.log("Folio: building the app, once after each install or upgrade (1 to 3 minutes on 2 cores)...");
    const started = Date.now();
    const build = spawnSync(next, ["build"], { stdio: "inherit", env: childEnv({ NODE_ENV: "production" }) });
    if (build.status !== 0) process.exit(build.status ?? 1);
    console.log(`Folio: built in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  console.log(`Folio: library root ${env.LIBRARY_ROOT}, state in ${env.STATE_DIR}`);
  console.log(`Folio: open ${env.NEXTAUTH_URL}`);
  const hostArgs = env.HOST ? ["--hostname", env.HOST] : [];
  const child = dev
    ? spawn(next, ["dev", "-p", String(env.PORT), ...hostArgs], { stdio: "inherit", env: childEnv(), detached: true })
    : spawn(process.execPath, [path.resolve("scripts", "server.mjs"), "--port", String(env.PORT), ...hostArgs], {
        stdio: ["inherit", "inherit", "inherit", "ipc"],
        env: childEnv({ NODE_ENV: "production" }),
        detached: true,
      });
  superviseGroup(child);
}

/** True while any process of the group `pgid` is alive. A zombie is not: as PID 1 (the
 *  container) this process inherits the group's orphans, a worker that outlived its server,
 *  and Node never reaps them, yet kill(-pgid, 0) still finds them. Where /proc can be read the
 *  group's members are looked up there, zombies left out. */
function groupAlive(pgid: number) {
  const members = liveGroupMembers(pgid);
  if (members !== null) return members > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** How many processes of group `pgid` are alive and not zombies (/proc/<pid>/stat: the state,
 *  then the parent, then the group after the command's closing parenthesis), or null without
 *  a /proc of this process's own PID namespace. */
function liveGroupMembers(pgid: number): number | null {
  let entries: string[];
  try {
    if (readlinkSync("/proc/self") !== String(process.pid)) return null;
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  let live = 0;
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) === pgid && state !== "Z") live++;
    } catch {
      // ended while we looked
    }
  }
  return live;
}

function signalGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is gone already
  }
}

/** Ends the server's whole process group on a signal or when our parent is gone, and exits
 *  once the group is empty; a server that exits on its own takes the rest of its group along. */
function superviseGroup(child: ChildProcess) {
  const pgid = child.pid!;
  let exitCode: number | null = null;
  let stopping = false;
  const stop = (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (why) console.log(`Folio: stopping (${why})`);
    signalGroup(pgid, "SIGTERM");
    const killAt = Date.now() + STOP_GRACE_MS;
    const poll = setInterval(() => {
      if (!groupAlive(pgid)) {
        clearInterval(poll);
        process.exit(exitCode ?? 0);
      }
      if (Date.now() > killAt) signalGroup(pgid, "SIGKILL");
    }, 100);
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => stop(sig, 0));
  // npm forwards SIGINT and SIGTERM to its child (package.json execs this in place of npm's
  // `sh -c`, which would ignore SIGINT and die of SIGTERM without passing either on); npm itself
  // dies of others (SIGHUP): being handed to another parent is the sign to stop
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop("the process that started Folio is gone", 0);
  }, 500).unref();
  // a server that ends unasked is an error unless it said otherwise: one killed by a signal (the
  // OOM killer's SIGKILL, a crash) exits with 128 + the signal's number, as a shell reports it
  child.on("exit", (code, signal) => {
    if (code !== null) return stop("", code);
    stop(`the server ended by ${signal}`, 128 + (constants.signals[signal as NodeJS.Signals] ?? 0));
  });
}

try {
  main();
} catch (e) {
  console.error(`Folio could not start: ${(e as Error).message}`);
  process.exit(1);
}
