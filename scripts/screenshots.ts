// npm run screenshots: the README's pictures (docs/screenshots/), taken from the real app.
// Paints a small demo library (landscapes at camera, portrait, square and panorama ratios on
// eight days over two years, half of them with GPS positions around Europe), starts Folio on it with a fresh
// SQLite database, lets it scan, and photographs the timeline, the viewer and the map at a
// desktop and a phone size in Chromium. Map tiles come from the tile server of the settings;
// where none is reachable (this machine reaches only npm and Debian) the map shows its markers
// on a plain background, which is what the pictures then show.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { exiftool } from "exiftool-vendored";
import sharp from "sharp";
import { findChromium } from "../e2e/support/browser";

const PORT = 3950;
const BASE = `http://localhost:${PORT}`;
const OUT = "docs/screenshots";
const ADMIN = { username: "demo", password: "demo-password-1" };
const work = mkdtempSync(path.join(os.tmpdir(), "folio-screenshots-"));
const library = path.join(work, "library");

// width x height of the demo photos, cycled: camera 4:3 and 3:2, portrait, square, wide, panorama
const SHAPES = [
  [1600, 1200],
  [1500, 1000],
  [1000, 1500],
  [1200, 1200],
  [1600, 900],
  [2400, 800],
  [1200, 1600],
];
const PLACES = [
  [48.8566, 2.3522],
  [41.9028, 12.4964],
  [52.52, 13.405],
  [46.5197, 6.6323],
  [59.3293, 18.0686],
  [38.7223, -9.1393],
];

/** A landscape: a sky in one hue, a sun, two ranges of hills. Deterministic per index. */
function landscape(i: number, width: number, height: number) {
  const hue = (i * 47) % 360;
  const sky = `hsl(${hue}, 60%, 70%)`;
  const far = `hsl(${(hue + 120) % 360}, 35%, 45%)`;
  const near = `hsl(${(hue + 160) % 360}, 45%, 30%)`;
  const h = (f: number) => Math.round(height * f);
  const w = (f: number) => Math.round(width * f);
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#fff7e6"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#s)"/>
    <circle cx="${w(0.2 + ((i * 13) % 60) / 100)}" cy="${h(0.3)}" r="${Math.min(width, height) / 10}" fill="#ffd166"/>
    <polygon points="0,${h(0.7)} ${w(0.25)},${h(0.45 + (i % 3) / 20)} ${w(0.55)},${h(0.65)} ${w(0.8)},${h(0.5)} ${width},${h(0.62)} ${width},${height} 0,${height}" fill="${far}"/>
    <polygon points="0,${h(0.85)} ${w(0.35)},${h(0.72)} ${w(0.7)},${h(0.82)} ${width},${h(0.75)} ${width},${height} 0,${height}" fill="${near}"/>
  </svg>`);
}

async function paintLibrary(count: number) {
  for (let i = 0; i < count; i++) {
    const [width, height] = SHAPES[i % SHAPES.length]!;
    // six photos a day, eight days over two years: rows of several photos, as a real day has
    const outing = Math.floor(i / 6);
    const year = 2022 + Math.floor(outing / 4);
    const month = String(1 + (outing % 4) * 3).padStart(2, "0");
    const day = String(3 + outing * 3).padStart(2, "0");
    const folder = path.join(library, String(year), `${year}-${month} ${["Holidays", "Weekend", "Family", "Hiking"][i % 4]}`);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `IMG_${String(1000 + i)}.jpg`);
    await sharp(landscape(i, width!, height!)).jpeg({ quality: 82 }).toFile(file);
    const tags: Record<string, string | number> = {
      DateTimeOriginal: `${year}:${month}:${day} ${String(8 + (i % 6)).padStart(2, "0")}:15:00`,
      Make: i % 2 ? "Canon" : "FUJIFILM",
      Model: i % 2 ? "Canon EOS R6" : "X-T4",
    };
    if (i % 2 === 0) {
      const [lat, lon] = PLACES[i % PLACES.length]!;
      Object.assign(tags, { GPSLatitude: lat! + (i % 5) / 100, GPSLatitudeRef: "N", GPSLongitude: Math.abs(lon! + (i % 7) / 100), GPSLongitudeRef: lon! < 0 ? "W" : "E" });
    }
    await exiftool.write(file, tags, { writeArgs: ["-overwrite_original"] });
  }
  await exiftool.end();
}

async function startFolio() {
  const env = {
    ...process.env,
    PORT: String(PORT),
    STATE_DIR: path.join(work, "state"),
    LIBRARY_ROOT: library,
    DATABASE_URL: `file:${path.join(work, "state", "folio.db")}`,
    NEXTAUTH_URL: BASE,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    SCHEDULER: "off",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) throw new Error(`Folio exited:\n${out}`);
    const up = await fetch(`${BASE}/login`).then((r) => r.status < 500, () => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Folio did not answer:\n${out}`);
}

async function trpc(page: Page, proc: string, input?: unknown, mutation = false) {
  const url = `/api/trpc/${proc}`;
  const res = mutation
    ? await page.request.post(url, { data: { json: input } })
    : await page.request.get(`${url}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`);
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: unknown };
  if (!body.result) throw new Error(`${proc}: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

/** Waits until every image in view has loaded (decoded and painted at least once). */
async function imagesSettled(page: Page) {
  await page.waitForFunction(() =>
    [...document.images].filter((img) => {
      const r = img.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.width > 0;
    }).every((img) => img.complete && img.naturalWidth > 0),
  );
  await page.waitForTimeout(300);
}

async function shoot(page: Page, size: string) {
  await page.goto("/photos");
  await page.locator("button[aria-label^='Open ']").first().waitFor();
  await imagesSettled(page);
  await page.screenshot({ path: `${OUT}/timeline-${size}.png` });

  await page.locator("button[aria-label^='Open ']").nth(1).click();
  await page.getByRole("dialog").waitFor();
  await imagesSettled(page);
  await page.screenshot({ path: `${OUT}/viewer-${size}.png` });
  await page.keyboard.press("Escape");

  await page.goto("/map");
  await page.locator(".leaflet-marker-icon").first().waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/map-${size}.png` });
}

mkdirSync(OUT, { recursive: true });
const server = await (async () => {
  await paintLibrary(48);
  return startFolio();
})();
const browser = await chromium.launch({ executablePath: findChromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
try {
  const sizes = [
    { name: "desktop", viewport: { width: 1440, height: 900 } },
    { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  ];
  for (const [n, size] of sizes.entries()) {
    const { name, ...options } = size;
    const context = await browser.newContext({ ...options, baseURL: BASE, colorScheme: "light" });
    const page = await context.newPage();
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, username: ADMIN.username, password: ADMIN.password } });
    if (n === 0) {
      // the demo admin's folder is the whole library; giving it one queues its scan
      const me = (await trpc(page, "account.me")) as { id: string };
      await trpc(page, "admin.users.update", { id: me.id, scanPath: library }, true);
      for (let i = 0; i < 600; i++) {
        const jobs = (await trpc(page, "jobs.list", { limit: 5 })) as { items: { status: string }[] };
        if (jobs.items.length && jobs.items.every((j) => j.status === "succeeded")) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    await shoot(page, name);
    await context.close();
  }
  console.log(`screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  process.kill(-server.pid!, "SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
