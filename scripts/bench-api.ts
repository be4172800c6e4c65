// npm run bench:api [-- --photos N] [-- --pages N] [-- --port P]
// Seeds 100,000 photos for a user (every one geotagged), starts the built app, and measures
// photos.list and photos.search pages and the folder view through the HTTP API, against
// auth.status (the cheapest procedure, same HTTP path) as the baseline, on SQLite and, with
// BENCH_POSTGRES_URL or TEST_POSTGRES_URL, on PostgreSQL; then again while a scan runs. Idle
// only: photos.timelineBuckets and photos.mapPoints, with the size of the map's answer raw
// and as sent gzipped. Targets: photos.list p95 under 30 ms per page on SQLite; search p95 at
// most 2x the baseline; the map's 100,000 points in under 1 s and under 5 MB.
import http from "node:http";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale, onEachEngine } from "./lib/bench-engines";
import { benchAppEnv, seedBench, startBenchApp } from "./lib/bench-app";
import { Client, fmt, summarize, type Stats } from "./lib/bench-http";
import sharp from "sharp";
import { numberOption } from "./lib/bench-args";

const PHOTOS = numberOption("--photos", 100_000);
const PAGES = numberOption("--pages", 200);
const PORT = numberOption("--port", 3900);
const work = mkdtempSync(path.join(os.tmpdir(), "folio-bench-api-"));

async function timeline(client: Client) {
  const pages: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < PAGES; i++) {
    const r = await client.query<{ nextCursor: string | null }>("photos.list", { limit: 60, ...(cursor ? { cursor } : {}) });
    pages.push(r.ms);
    cursor = r.data.nextCursor ?? undefined;
  }
  return summarize(pages);
}

/** Every page of a search (or the first PAGES ones), newest first, as the timeline loads them. */
async function searchPages(client: Client, input: Record<string, unknown>) {
  const pages: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < PAGES; i++) {
    const r = await client.query<{ nextCursor: string | null }>("photos.search", { limit: 60, ...input, ...(cursor ? { cursor } : {}) });
    pages.push(r.ms);
    cursor = r.data.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return summarize(pages);
}

/** The first page of a few searches a person would type, each asked PAGES / 10 times. */
const FIRST_PAGES: Record<string, unknown>[] = [
  { q: "beach" },
  { q: "sunset sea" },
  { q: "img_4242" },
  { q: "holiday" },
  { q: "family beach" },
  { q: "iphone", from: "2010-01-01", to: "2012-12-31" },
  { camera: "NIKON D750", minRating: 3 },
  { q: "b" },
  { q: "best holiday canon" },
  { hasLocation: true, bounds: { south: 40, west: -10, north: 60, east: 30 } },
];

/** All the first pages' times, and each search's p95 (to name the slow ones). */
async function firstPages(client: Client) {
  const ms: number[] = [];
  const each = FIRST_PAGES.map(() => [] as number[]);
  for (let i = 0; i < Math.max(1, PAGES / 10); i++)
    for (const [k, input] of FIRST_PAGES.entries()) {
      const t = (await client.query("photos.search", { limit: 60, ...input })).ms;
      ms.push(t);
      each[k]!.push(t);
    }
  const slowest = each
    .map((times, k) => ({ input: JSON.stringify(FIRST_PAGES[k]), p95: summarize(times).p95 }))
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, 3);
  return { ...summarize(ms), slowest };
}

/** One GET of a tRPC query with raw Node HTTP, asking for gzip: the bytes on the wire, the
 *  encoding the server chose, and the time to the last byte. */
function rawGet(client: Client, proc: string, input: unknown): Promise<{ ms: number; wire: number; encoding: string }> {
  const url = new URL(`${client.base}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.get(url, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "accept-encoding": "gzip" } }, (res) => {
      let wire = 0;
      res.on("data", (d: Buffer) => (wire += d.length));
      res.on("end", () => resolve({ ms: performance.now() - t, wire, encoding: String(res.headers["content-encoding"] ?? "identity") }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

async function measureBrowsing(client: Client, baseline: Stats) {
  const ratio = (s: Stats) => `p95 ${(s.p95 / baseline.p95).toFixed(1)}x the baseline`;
  const buckets: number[] = [];
  let months = 0;
  for (let i = 0; i < Math.min(PAGES, 50); i++) {
    const r = await client.query<unknown[]>("photos.timelineBuckets", {});
    buckets.push(r.ms);
    months = r.data.length;
  }
  const b = summarize(buckets);
  console.log(`    photos.timelineBuckets:      ${fmt(b)}; ${months} months; ${ratio(b)}`);
  const filtered: number[] = [];
  for (let i = 0; i < Math.min(PAGES, 50); i++) filtered.push((await client.query("photos.timelineBuckets", { q: "beach" })).ms);
  console.log(`    the same for q "beach":      ${fmt(summarize(filtered))}`);

  const map: number[] = [];
  let points = 0;
  let raw = 0;
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const res = await client.fetch(`/api/trpc/photos.mapPoints?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
    const text = await res.text();
    map.push(performance.now() - t);
    raw = Buffer.byteLength(text);
    points = (JSON.parse(text) as { result: { data: { json: { points: unknown[] } } } }).result.data.json.points.length;
  }
  const gz = await rawGet(client, "photos.mapPoints", {});
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  console.log(
    `    photos.mapPoints:            ${fmt(summarize(map))} for ${points} points; ${mb(raw)} raw, ${mb(gz.wire)} sent as ${gz.encoding} (${gz.ms.toFixed(0)} ms); target < 1 s and < 5 MB`,
  );
}

async function measure(client: Client, root: string, label: string, subtree: Client, browsing = false) {
  const base: number[] = [];
  for (let i = 0; i < PAGES; i++) base.push((await client.query("auth.status")).ms);
  const p = await timeline(client);
  const s = await timeline(subtree);
  const folders: number[] = [];
  for (let i = 0; i < Math.min(PAGES, 100); i++) {
    const dir = i === 0 ? root : `${root}/y${2000 + (i % 20)}/m${String((i % 12) + 1).padStart(2, "0")}`;
    folders.push((await client.query("folders.list", { path: dir })).ms);
  }
  const beach = await searchPages(client, { q: "beach" });
  const first = await firstPages(client);
  const subtreeSearch = await searchPages(subtree, { q: "beach" });
  const [b, f] = [summarize(base), summarize(folders)];
  console.log(`  ${label}`);
  console.log(`    baseline auth.status:        ${fmt(b)}`);
  console.log(`    photos.list, 60 per page:    ${fmt(p)}; p95 ${(p.p95 / b.p95).toFixed(1)}x the baseline; target p95 < 30 ms`);
  console.log(`    the same for a user on 1/240:  ${fmt(s)}; p95 ${(s.p95 / b.p95).toFixed(1)}x the baseline`);
  console.log(`    folders.list:                ${fmt(f)}; p95 ${(f.p95 / b.p95).toFixed(1)}x the baseline`);
  console.log(`    photos.search q "beach" (1 in 10), pages of 60: ${fmt(beach)}; p95 ${(beach.p95 / b.p95).toFixed(1)}x the baseline; target <= 2x`);
  console.log(`    photos.search, first pages of ${FIRST_PAGES.length} searches: ${fmt(first)}; p95 ${(first.p95 / b.p95).toFixed(1)}x the baseline; target <= 2x`);
  console.log(`      slowest: ${first.slowest.map((x) => `${x.input} p95 ${x.p95.toFixed(1)} ms`).join("; ")}`);
  console.log(`    photos.search q "beach" for the user on 1/240: ${fmt(subtreeSearch)}; p95 ${(subtreeSearch.p95 / b.p95).toFixed(1)}x the baseline`);
  if (browsing) await measureBrowsing(client, b);
}

async function runEngine(name: string, databaseUrl: string) {
  const stateDir = path.join(work, `state-${name}`);
  const root = "/bench-library";
  const env = benchAppEnv(databaseUrl, stateDir, PORT);
  console.log(`${name}: ${seedBench(env, [root, String(PHOTOS)])}`);

  const app = await startBenchApp(env, PORT);
  try {
    const client = new Client(`http://localhost:${PORT}`);
    await client.signIn("bench", "bench-password");
    const subtree = new Client(`http://localhost:${PORT}`);
    await subtree.signIn("subtree", "bench-password");
    await client.query("photos.list", { limit: 60 }); // warm-up
    await client.query("photos.search", { q: "beach" }); // warm-up
    await measure(client, root, "idle", subtree, true);

    // a real scan running meanwhile: 150 camera-sized JPEGs
    const scanDir = path.join(work, `scan-${name}`);
    mkdirSync(scanDir, { recursive: true });
    for (let i = 0; i < 150; i++) {
      await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: i, g: 100, b: 200 } } }).jpeg().toFile(path.join(scanDir, `s${i}.jpg`));
    }
    seedBench(env, ["--scan", scanDir]);
    await new Promise((r) => setTimeout(r, 1500));
    const before = await client.query<{ items: { status: string; progress: { done: number } }[] }>("jobs.list", { limit: 1 });
    await measure(client, root, `while a scan runs (${before.data.items[0]?.status}, ${before.data.items[0]?.progress.done} of 150 done when measuring began)`, subtree);
    const after = await client.query<{ items: { status: string; progress: { done: number } }[] }>("jobs.list", { limit: 1 });
    console.log(`    the scan was ${after.data.items[0]?.status} with ${after.data.items[0]?.progress.done} of 150 done when measuring ended`);
  } finally {
    app.stop();
  }
}

try {
  buildIfStale();
  console.log(`Folio API benchmark: ${PHOTOS} photos, ${PAGES} sequential requests per measure`);
  await onEachEngine(work, runEngine);
} finally {
  rmSync(work, { recursive: true, force: true });
}
