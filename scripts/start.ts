// npm start: everything a fresh clone needs, then next start.
//   creates STATE_DIR and LIBRARY_ROOT, applies migrations, builds when the build is missing
//   or older than the sources, and serves on PORT. --dev runs next dev instead.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
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
const next = path.resolve("node_modules", ".bin", "next");

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

function buildIsStale() {
  const stamp = path.join(".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const sources = ["src", "prisma", "package-lock.json", "next.config.ts"].filter((p) => existsSync(p));
  return Math.max(...sources.map(newestMtime)) > statSync(stamp).mtimeMs;
}

function main() {
  mkdirSync(env.STATE_DIR, { recursive: true });
  mkdirSync(env.LIBRARY_ROOT, { recursive: true });
  console.log(`Folio: ${describeDatabase()}`);
  console.log(`Folio: ${applyMigrations()}`);
  if (!dev && env.NODE_ENV === "production") {
    // a production install (the container) has no build tools: never build at start
    if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no build found: run npm run build first.");
  } else if (!dev && buildIsStale()) {
    console.log("Folio: building the app (once, about a minute)...");
    const build = spawnSync(next, ["build"], { stdio: "inherit", env: childEnv({ NODE_ENV: "production" }) });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  console.log(`Folio: library root ${env.LIBRARY_ROOT}, state in ${env.STATE_DIR}`);
  console.log(`Folio: open ${env.NEXTAUTH_URL}`);
  const child = spawn(next, [dev ? "dev" : "start", "-p", String(env.PORT)], {
    stdio: "inherit",
    env: childEnv(dev ? {} : { NODE_ENV: "production" }),
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

try {
  main();
} catch (e) {
  console.error(`Folio could not start: ${(e as Error).message}`);
  process.exit(1);
}
