// npm run bench:browser [-- --photos N] [-- --scroll N]
// The timeline in real Chromium on a seeded library of 100,000 photos (bench-api-seed.ts, with
// previews linked by bench-thumbnails.ts), on SQLite and, with BENCH_POSTGRES_URL or
// TEST_POSTGRES_URL, on PostgreSQL. Measures, each beside a baseline taken in the same run:
// - the DOM's element count after scrolling through --scroll photos (5,000), against the count
//   on the freshly loaded page; target: under 2,000 elements;
// - the time from a click on an early year of the date scrubber to that year's first thumbnails
//   painted, against the time from navigation to the first thumbnails painted on a fresh load.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { findChromium } from "../e2e/support/browser";
import { buildIfStale, onEachEngine } from "./lib/bench-engines";
import { numberOption } from "./lib/bench-args";

const PHOTOS = numberOption("--photos", 100_000);
const SCROLL = numberOption("--scroll", 5_000);
const PORT = 3901;
const BASE = `http://localhost:${PORT}`;
const work = mkdtempSync(path.join(os.tmpdir(), "folio-bench-browser-"));

/** In the page: resolves with performance.now() when a thumbnail inside a section whose label
 *  matches `label` (a month heading) has loaded and is on screen, after the next frame paints. */
function firstPaintedIn(page: Page, label: string) {
  // a string, not a function: tsx's compiled functions call a helper (__name) the page lacks
  return page.evaluate(`new Promise((resolve) => {
    const label = ${JSON.stringify(label)};
    const check = () => {
      const img = [...document.querySelectorAll("section[aria-label] img")].find((img) => {
        const r = img.getBoundingClientRect();
        return img.closest("section").getAttribute("aria-label").includes(label) && r.bottom > 0 && r.top < innerHeight && img.complete && img.naturalWidth > 0;
      });
      if (img) requestAnimationFrame(() => resolve(performance.now()));
      else requestAnimationFrame(check);
    };
    check();
  })`) as Promise<number>;
}

async function elementCount(page: Page) {
  return page.evaluate(() => document.getElementsByTagName("*").length);
}

/** Scrolls down a screen at a time, letting the months near the screen load, until `count`
 *  different tiles have been in the DOM; returns the largest element count seen on the way. */
async function scrollThrough(page: Page, count: number) {
  const seen = new Set<string>();
  let most = 0;
  for (let step = 0; seen.size < count && step < 5000; step++) {
    await page.waitForFunction(() =>
      ![...document.querySelectorAll("[data-placeholder]")].some((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.height > 1;
      }),
    );
    for (const label of await page.locator("button[aria-label^='Open ']").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")!))) seen.add(label);
    most = Math.max(most, await elementCount(page));
    const end = await page.evaluate(() => {
      const before = scrollY;
      scrollBy(0, innerHeight * 0.8);
      return scrollY === before;
    });
    if (end) break;
  }
  return { seen: seen.size, most };
}

async function measure(page: Page, label: string) {
  // baseline: a fresh load, from navigation to the first thumbnails painted
  await page.goto("/photos");
  const newest = await page.locator("section[aria-label]").first().getAttribute("aria-label");
  const loaded = await firstPaintedIn(page, newest!);
  const atTop = await elementCount(page);

  const scrolled = await scrollThrough(page, SCROLL);
  const after = await elementCount(page);

  // an early year on the scrubber: its label, then a click on it, timed from the pointer going down
  await page.goto("/photos");
  await firstPaintedIn(page, newest!);
  const slider = page.getByRole("slider", { name: "Timeline dates" });
  await slider.waitFor();
  const year = "2001";
  const mark = slider.getByText(year, { exact: true });
  await page.evaluate(() => {
    (window as unknown as { benchDown: number }).benchDown = 0;
    window.addEventListener("pointerdown", () => ((window as unknown as { benchDown: number }).benchDown = performance.now()), { capture: true, once: true });
  });
  const painted = firstPaintedIn(page, year);
  await mark.click({ force: true });
  const jumpedAt = await painted;
  const down = await page.evaluate(() => (window as unknown as { benchDown: number }).benchDown);
  const jump = jumpedAt - down;

  console.log(`  ${label}`);
  console.log(`    first thumbnails on a fresh load (baseline): ${loaded.toFixed(0)} ms after navigation`);
  console.log(`    scrubber click on ${year} to its first thumbnails painted: ${jump.toFixed(0)} ms, ${(jump / loaded).toFixed(2)}x the baseline`);
  console.log(`    DOM elements: ${atTop} on load (baseline); after scrolling through ${scrolled.seen} photos ${after}, at most ${scrolled.most} on the way (${(scrolled.most / atTop).toFixed(2)}x the baseline); target under 2,000`);
}

async function runEngine(name: string, databaseUrl: string) {
  const stateDir = path.join(work, `state-${name}`);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    STATE_DIR: stateDir,
    LIBRARY_ROOT: "/",
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
    SCHEDULER: "off",
    SCAN_WORKER: "off",
    BCRYPT_COST: "4",
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const script of [["scripts/bench-api-seed.ts", "/bench-library", String(PHOTOS)], ["scripts/bench-thumbnails.ts"]]) {
    const run = spawnSync(process.execPath, ["--import", "tsx", ...script], { env, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`${script[0]} failed:\n${run.stderr}`);
    console.log(`${name}: ${run.stdout.trim()}`);
  }
  const server = spawn(process.execPath, ["scripts/server.mjs", "--port", String(PORT)], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  server.stdout!.on("data", (d) => (out += d));
  server.stderr!.on("data", (d) => (out += d));
  const browser = await chromium.launch({ executablePath: findChromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    for (let i = 0; ; i++) {
      if (server.exitCode !== null || i > 600) throw new Error(`the server did not start:\n${out}`);
      if (await fetch(`${BASE}/login`, { redirect: "manual" }).then((r) => r.status < 500, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, username: "bench", password: "bench-password" } });
    await measure(page, `${name}, 1440x900`);
  } finally {
    await browser.close();
    process.kill(-server.pid!, "SIGTERM");
  }
}

try {
  buildIfStale();
  console.log(`Folio browser benchmark: ${PHOTOS} photos, scrolling through ${SCROLL}`);
  await onEachEngine(work, runEngine);
} finally {
  rmSync(work, { recursive: true, force: true });
}
