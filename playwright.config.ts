// Browser and HTTP tests against the production build, in real Chromium.
// The main server is Folio's own start command on a fresh SQLite database with an admin from
// the environment; tests that need other set-ups start their own servers (e2e/support/server.ts).
import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/support/browser";
import { E2E_ADMIN, E2E_BASE_URL, E2E_PORT, E2E_SECOND_PORT, E2E_SECOND_URL, e2eServerEnv } from "./e2e/support/constants";

const baseURL = E2E_BASE_URL;

// Several processes need PostgreSQL, as the database tests do (vitest.config.ts)
const postgres = !!process.env.TEST_POSTGRES_URL;
if (!postgres) console.warn("TEST_POSTGRES_URL is not set: e2e/cluster.spec.ts (several processes on PostgreSQL) does not run.");

// Three queues on two workers. The specs that start every server they use (support/server.ts)
// run one after another beside the rest, and so do the specs that change site-wide settings
// (registration open, the map's tile server), on a second server of their own. Everything else
// shares the main server one test at a time. One queue took 14 of CI's 25 minutes; two, 11;
// three, on a loaded machine, 12.4 for the slower worker and 9.6 for the other before evening out.
const ownServers = ["client-address.spec.ts", "cluster.spec.ts", "env-admin-restart.spec.ts", "first-run.spec.ts", "production-layout.spec.ts", "stopping.spec.ts"];
// album-sharing.spec.ts changes no setting: it is here to even out the two workers' time
const secondServer = ["album-sharing.spec.ts", "map.spec.ts", "registration.spec.ts"];

/** A Folio server shared by the specs of a project: a fresh state each run, with the e2e admin. */
function sharedServer(name: string, port: number, url: string) {
  return {
    // start.ts builds when the build is missing or stale: the first server builds, the second
    // (started after the first answers) finds the build fresh
    command: `node -e "require('fs').rmSync('var/e2e/${name}',{recursive:true,force:true})" && node_modules/.bin/tsx scripts/start.ts`,
    url: `${url}/login`,
    env: e2eServerEnv(name, port, {
      ADMIN_USERNAME: E2E_ADMIN.username,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      ADMIN_EMAIL: E2E_ADMIN.email,
      // the specs stand in for a reverse proxy on this host: a spec that sends its own
      // X-Forwarded-For (registration.spec.ts) is counted as that client, not as all of them
      TRUSTED_PROXIES: "127.0.0.1,::1",
    }),
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // no host name but localhost resolves: a page can never reach a server off this machine
        // (the map's default tiles are OpenStreetMap's; e2e/map.spec.ts serves its own)
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: [...ownServers, ...secondServer], workers: 1 },
    { name: "second-server", testMatch: secondServer, use: { baseURL: E2E_SECOND_URL }, workers: 1 },
    { name: "own-servers", testMatch: ownServers.filter((f) => postgres || f !== "cluster.spec.ts"), workers: 1 },
  ],
  webServer: [
    // every run starts from nothing: the state of both servers and the e2e library
    { ...sharedServer("main", E2E_PORT, baseURL), command: `node -e "require('fs').rmSync('var/e2e',{recursive:true,force:true})" && node_modules/.bin/tsx scripts/start.ts` },
    sharedServer("second", E2E_SECOND_PORT, E2E_SECOND_URL),
  ],
});
