// npm run bench:scale [-- --photos N] [-- --pages N] [-- --port P]
// Folio at the scale of issue 18: a real tree of N files (default 1,000,000: hard links to 5 small
// real JPEGs, or one per 50,000 files, in 1,000 top folders of 10 subfolders; kept under the
// temporary folder keyed by N and reused by the next run: scripts/lib/bench-tree.ts) and an index seeded as a finished scan of it leaves it. Then,
// on SQLite and, with BENCH_POSTGRES_URL or TEST_POSTGRES_URL, on a scratch PostgreSQL database,
// each figure against its baseline in the same run:
//   noopRescanRatio      a no-op rescan of the tree by the real worker process (scripts/worker.ts,
//                        a queued scan job: the job's finishedAt - startedAt) vs
//                        `find <root> -printf '%s %T@\n'` on the warm tree (best of 2); target <= 2
//   workerRssMb          peak VmRSS of the worker process itself (not its ExifTool child), sampled
//                        every 100 ms during that rescan (printed also split into anonymous memory
//                        and mapped files, where SQLite's memory map of the database counts);
//                        target < 400 MB
//   workerRssNewMb       the same during a scan that finds 1% new files (each with content of its
//                        own: read, hashed, previewed); target < 400 MB
//   incrementalSeconds   after a scan that rewrote 100 files: the folder summary of the folders it
//                        changed plus the planner statistics when the worker would refresh them
//                        (db/maintenance.ts statisticsDue) (the search words are written with
//                        each row during the scan); target < 1 s
//   listP95Ratio         photos.list p95 (pages of 60) and folders.list p95 (the scan folder one
//                        time in 10, else a folder or subfolder) over HTTP (`next start`) vs
//                        auth.status p95, the worst of both procedures for the all-photos user
//                        and a user on 1/1,000 (the measures and the baseline take turns,
//                        request by request); target <= 2
//   searchP95Ratio       the same for photos.search pages (q "canon", 1 photo in 5); target <= 2
//                        (and adminUsersP95Ratio: the admin's user list, every user with the
//                        photos they see; not in the issue's table, the same <= 2 asked of it)
//   webRssMb             VmRSS of the serving web process after paging through 10,000 photos
//                        (first thing after start-up; again after the measures, in the detail);
//                        target < 400 MB
// With both engines, each top-level figure of the JSON line is the worse one; the detail of
// each engine follows under its name. Options: --photos N (rounded to a multiple of 10,000),
// --pages N (requests per HTTP measure, default 200), --port P (default 5150).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync, closeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale, onEachEngine } from "./lib/bench-engines";
import { Client, fmt, summarize, waitFor, type Stats } from "./lib/bench-http";
import { addNewFiles, ensureTree, repairTree, subtreeRoot, type Tree } from "./lib/bench-tree";
import { numberOption } from "./lib/bench-args";

const PHOTOS = numberOption("--photos", 1_000_000);
const PAGES = numberOption("--pages", 200);
const PORT = numberOption("--port", 5150);
const PAGE = 60;
const PAGED_PHOTOS = 10_000;
const work = mkdtempSync(path.join(os.tmpdir(), "folio-bench-scale-run-"));

const TARGETS = {
  noopRescanRatio: { max: 2, text: "<= 2x find" },
  workerRssMb: { max: 400, text: "< 400 MB" },
  workerRssNewMb: { max: 400, text: "< 400 MB" },
  incrementalSeconds: { max: 1, text: "< 1 s" },
  listP95Ratio: { max: 2, text: "<= 2x auth.status" },
  searchP95Ratio: { max: 2, text: "<= 2x auth.status" },
  webRssMb: { max: 400, text: "< 400 MB" },
} as const;
type Figure = keyof typeof TARGETS;
type Figures = Partial<Record<Figure, number>>;

const log = (m: string) => console.log(m);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const since = (t: number) => (performance.now() - t) / 1000;
const verdict = (k: Figure, v: number) => `${v <= TARGETS[k].max ? "ok" : "MISSED"} (target ${TARGETS[k].text})`;

// ---- processes ------------------------------------------------------------------------------

/** A helper of bench-scale-db.ts; resolves with the JSON of its last line. */
function helper<T>(env: NodeJS.ProcessEnv, mode: string, arg: string | number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench-scale-db.ts", mode, String(arg)], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code !== 0) reject(new Error(`bench-scale-db.ts ${mode} failed (${code}):\n${err || out}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}

/** VmRSS and VmHWM of a process, in MB, and of VmRSS the anonymous part and the part that is
 *  files mapped in (SQLite's memory map of the database counts there); 0 once it is gone. */
function memoryOf(pid: number) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024, anon: kb("RssAnon") / 1024, file: kb("RssFile") / 1024 };
  } catch {
    return { rss: 0, hwm: 0, anon: 0, file: 0 };
  }
}
const memoryLine = (m: { rss: number; anon: number; file: number }) => `VmRSS ${m.rss.toFixed(0)} MB (anonymous ${m.anon.toFixed(0)}, files ${m.file.toFixed(0)})`;

/** The processes of a process group, with their command lines. */
function processGroup(pgid: number) {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) found.push({ pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim() });
    } catch {
      // gone in between
    }
  }
  return found;
}

function killGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

// ---- phases ---------------------------------------------------------------------------------

/** `find` printing what the walk reads (size and mtime of every file): once to warm the page
 *  cache, then best of 2, in seconds. */
function findBaseline(root: string) {
  const devNull = openSync("/dev/null", "w");
  try {
    const once = () => {
      const t = performance.now();
      const r = spawnSync("find", [root, "-printf", "%s %T@\\n"], { stdio: ["ignore", devNull, "inherit"] });
      if (r.status !== 0) throw new Error("find failed");
      return since(t);
    };
    once();
    return Math.min(once(), once());
  } finally {
    closeSync(devNull);
  }
}

type JobResult = { status: string; seconds: number | null; stats: Record<string, number> | null; error: string | null };

/** Queues a scan of the root and runs it in a worker process of its own, sampling the worker's
 *  memory every 100 ms; the worker is stopped once the job ended. */
async function workerScan(env: NodeJS.ProcessEnv, tree: Tree) {
  const { id } = await helper<{ id: string }>(env, "enqueue", tree.files);
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  worker.stdout!.on("data", (d) => (out += d));
  worker.stderr!.on("data", (d) => (out += d));
  let peak = memoryOf(worker.pid!);
  const sample = () => {
    const m = memoryOf(worker.pid!);
    if (m.rss > peak.rss) peak = m;
    return m;
  };
  const sampler = setInterval(sample, 100);
  try {
    const job = await helper<JobResult>(env, "wait", id);
    const { hwm } = sample();
    if (job.status !== "succeeded") throw new Error(`the scan job ${job.status}: ${job.error}\n${out}`);
    return { job, peakRssMb: round(peak.rss, 0), hwmMb: round(hwm, 0), peak };
  } finally {
    clearInterval(sampler);
    killGroup(worker);
  }
}

const statsLine = (s: Record<string, number> | null) =>
  s
    ? Object.entries(s)
        .filter(([, v]) => v)
        .map(([k, v]) => `${v} ${k}`)
        .join(", ")
    : "";

/** One request after another of a paged procedure, from the first page again after the last;
 *  each call resolves with its time in milliseconds. */
function pager(client: Client, proc: string, input: Record<string, unknown> = {}) {
  let cursor: string | undefined;
  let photos = 0;
  const next = async () => {
    const r = await client.query<{ items: unknown[]; nextCursor: string | null }>(proc, { limit: PAGE, ...input, ...(cursor ? { cursor } : {}) });
    photos += r.data.items.length;
    cursor = r.data.nextCursor ?? undefined;
    return r.ms;
  };
  return { next, photos: () => photos };
}

/** `rounds` rounds of one request of each series in turn, so that the baseline and every measure
 *  see the same moments of a busy machine; the times of each series. */
async function interleaved<K extends string>(rounds: number, series: Record<K, (i: number) => Promise<number>>): Promise<Record<K, Stats>> {
  const keys = Object.keys(series) as K[];
  const ms = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < rounds; i++) for (const k of keys) ms[k].push(await series[k](i));
  return Object.fromEntries(keys.map((k) => [k, summarize(ms[k])])) as Record<K, Stats>;
}

async function http(env: NodeJS.ProcessEnv, tree: Tree): Promise<Figures & Record<string, unknown>> {
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], { env: { ...env, PORT: String(PORT) }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  server.stdout!.on("data", (d) => (out += d));
  server.stderr!.on("data", (d) => (out += d));
  try {
    const base = `http://localhost:${PORT}`;
    await waitFor(`${base}/login`, server, () => out);
    const all = new Client(base);
    await all.signIn("bench", "bench-password");
    const sub = new Client(base);
    await sub.signIn("subtree", "bench-password");
    const started = processGroup(server.pid!).map((p) => ({ ...p, ...memoryOf(p.pid) }));
    console.log(`    after start-up and two sign-ins: ${started.map((p) => `pid ${p.pid} (${p.command.slice(0, 40)}) ${memoryLine(p)}`).join("; ")}`);
    // warm-up: each query's first answer compiles and loads what it needs
    for (const c of [all, sub]) {
      await c.query("photos.list", { limit: PAGE });
      await c.query("photos.search", { limit: PAGE, q: "canon" });
      await c.query("folders.list", {});
    }
    // the web process's memory after paging through 10,000 photos, first thing after start-up
    const paging = pager(all, "photos.list");
    const pagesOf = Math.ceil(PAGED_PHOTOS / PAGE);
    for (let i = 0; i < pagesOf; i++) await paging.next();
    const group = processGroup(server.pid!).map((p) => ({ ...p, ...memoryOf(p.pid) }));
    const serving = group.reduce((a, b) => (b.rss > a.rss ? b : a));
    console.log(`    after paging through ${paging.photos()} photos (${pagesOf} pages of ${PAGE}): ${group.map((p) => `pid ${p.pid} (${p.command.slice(0, 40)}) ${memoryLine(p)}, VmHWM ${p.hwm.toFixed(0)} MB`).join("; ")}`);
    const someTops = Array.from({ length: 20 }, (_, i) => path.join(tree.root, `a${String(i * 50 + 7).padStart(3, "0")}`));
    const allFolders = someTops.flatMap((t, i) => [t, path.join(t, `b${i % 10}`)]);
    const subRoot = subtreeRoot(tree);
    const subFolders = Array.from({ length: 10 }, (_, i) => path.join(subRoot, `b${i}`));
    // folders.list: the scan folder itself one time in 10, else a top folder or a subfolder
    const folders = (client: Client, top: string, others: string[]) => async (i: number) =>
      (await client.query("folders.list", { path: i % 10 === 0 ? top : others[i % others.length] })).ms;
    const m = await interleaved(PAGES, {
      baseline: async () => (await all.query("auth.status")).ms,
      listAll: pager(all, "photos.list").next,
      listSub: pager(sub, "photos.list").next,
      searchAll: pager(all, "photos.search", { q: "canon" }).next,
      searchSub: pager(sub, "photos.search", { q: "canon" }).next,
      foldersAll: folders(all, tree.root, allFolders),
      foldersSub: folders(sub, subRoot, subFolders),
      // the user panel: every user with the photos they see (the bench user is the admin)
      adminUsers: async () => (await all.query("admin.users.list")).ms,
    });
    const { baseline, listAll, listSub, searchAll, searchSub, foldersAll, foldersSub, adminUsers } = m;
    const ratio = (...s: Stats[]) => round(Math.max(...s.map((x) => x.p95)) / baseline.p95);
    const line = (label: string, s: Stats) => console.log(`    ${label.padEnd(34)} ${fmt(s)}; p95 ${(s.p95 / baseline.p95).toFixed(2)}x the baseline`);
    console.log(`    ${"auth.status (the baseline)".padEnd(34)} ${fmt(baseline)}`);
    line("photos.list, all photos", listAll);
    line("photos.list, user on 1/1,000", listSub);
    line(`photos.search "canon", all photos`, searchAll);
    line(`photos.search "canon", 1/1,000`, searchSub);
    line("folders.list, all photos", foldersAll);
    line("folders.list, user on 1/1,000", foldersSub);
    line("admin.users.list", adminUsers);

    const afterMeasures = processGroup(server.pid!).map((p) => ({ ...p, ...memoryOf(p.pid) }));
    const servingAfter = afterMeasures.reduce((a, b) => (b.rss > a.rss ? b : a));
    console.log(`    after the measures too: ${afterMeasures.map((p) => `pid ${p.pid} (${p.command.slice(0, 40)}) ${memoryLine(p)}, VmHWM ${p.hwm.toFixed(0)} MB`).join("; ")}`);
    return {
      // the issue's table names photos.list and folders.list on one row: the worse of the four
      listP95Ratio: ratio(listAll, listSub, foldersAll, foldersSub),
      photosListP95Ratio: ratio(listAll, listSub),
      searchP95Ratio: ratio(searchAll, searchSub),
      foldersP95Ratio: ratio(foldersAll, foldersSub),
      adminUsersP95Ratio: ratio(adminUsers),
      baselineP95Ms: round(baseline.p95, 1),
      webRssMb: round(serving.rss, 0),
      webHwmMb: round(serving.hwm, 0),
      webPid: serving.pid,
      webRssAfterMeasuresMb: round(servingAfter.rss, 0),
    };
  } finally {
    killGroup(server);
  }
}

// ---- one engine -----------------------------------------------------------------------------

const results: Record<string, Figures & Record<string, unknown>> = {};

async function runEngine(tree: Tree, findSeconds: number, name: string, databaseUrl: string) {
  repairTree(tree);
  const stateDir = path.join(work, `state-${name}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    STATE_DIR: stateDir,
    LIBRARY_ROOT: tree.root,
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    NEXTAUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
    SCHEDULER: "off",
    SCAN_WORKER: "off",
    BCRYPT_COST: "4",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const r: Figures & Record<string, unknown> = {};
  const phases: Record<string, number> = {};
  const timed = async <T>(phase: string, fn: () => Promise<T>) => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      phases[phase] = round(since(t), 1);
    }
  };
  console.log(`${name}:`);
  try {
    const seeded = await timed("seed", () => helper<Record<string, number>>(env, "seed", tree.files));
    console.log(
      `  seeded ${seeded.photos} photos in ${seeded.seconds} s (rows ${seeded.rowsSeconds} s, search words ${seeded.searchWordsSeconds} s, statistics and folder summary ${seeded.statisticsAndSummarySeconds} s, folder listings ${seeded.listingsSeconds} s)`,
    );

    const noop = await timed("noop rescan", () => workerScan(env, tree));
    r.noopRescanRatio = round(noop.job.seconds! / findSeconds);
    r.workerRssMb = noop.peakRssMb;
    console.log(`  no-op rescan by the worker: ${noop.job.seconds} s (${statsLine(noop.job.stats)}) vs find ${findSeconds.toFixed(2)} s: ${r.noopRescanRatio}x ${verdict("noopRescanRatio", r.noopRescanRatio)}`);
    console.log(`  worker process peak ${memoryLine(noop.peak)} during it, VmHWM ${noop.hwmMb} MB: ${verdict("workerRssMb", noop.peakRssMb)}`);

    const added = addNewFiles(tree);
    const fresh = await timed("1% new", () => workerScan(env, tree));
    r.workerRssNewMb = fresh.peakRssMb;
    console.log(`  scan finding ${added} new files (1%): ${fresh.job.seconds} s (${statsLine(fresh.job.stats)})`);
    console.log(`  worker process peak ${memoryLine(fresh.peak)} during it, VmHWM ${fresh.hwmMb} MB: ${verdict("workerRssNewMb", fresh.peakRssMb)}`);

    const inc = await timed("100 changed", () => helper<Record<string, number>>(env, "incremental", tree.files));
    r.incrementalSeconds = inc.seconds;
    console.log(
      `  scan of 100 rewritten files: ${inc.scanSeconds} s (${inc.updated} updated, ${inc.unchanged} unchanged, ${inc.folders} folders changed); folder summary of those ${inc.summarySeconds} s + planner statistics ${inc.statisticsDue ? `${inc.statisticsSeconds} s` : "not due (statisticsDue: 100 of them)"} = ${inc.seconds} s ${verdict("incrementalSeconds", inc.seconds!)} (search words: written with each row during the scan)`,
    );

    console.log(`  over HTTP (next start), ${PAGES} sequential requests per measure, the measures taking turns:`);
    const web = await timed("http", () => http(env, tree));
    Object.assign(r, web);
    console.log(`  photos.list and folders.list p95 ratio (worse procedure and user): ${web.listP95Ratio}x ${verdict("listP95Ratio", web.listP95Ratio!)} (photos.list ${web.photosListP95Ratio}x, folders.list ${web.foldersP95Ratio}x)`);
    console.log(`  photos.search p95 ratio (worse user): ${web.searchP95Ratio}x ${verdict("searchP95Ratio", web.searchP95Ratio!)}`);
    // not a row of the issue's table, which names the pages; its text asks the same speed of it
    console.log(`  admin.users.list p95 ratio: ${web.adminUsersP95Ratio}x ${Number(web.adminUsersP95Ratio) <= 2 ? "ok" : "MISSED"} (<= 2x auth.status)`);
    console.log(`  web process VmRSS after paging through ${PAGED_PHOTOS} photos (pid ${web.webPid}): ${web.webRssMb} MB ${verdict("webRssMb", web.webRssMb!)}`);
  } finally {
    r.phaseSeconds = phases;
    results[name] = r;
    console.log(`  phases (s): ${Object.entries(phases).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    repairTree(tree);
  }
}

try {
  buildIfStale();
  console.log(`Folio scale benchmark: ${PHOTOS} photos`);
  const tree = await ensureTree(PHOTOS, log);
  const findSeconds = findBaseline(tree.root);
  console.log(`baseline: find ${tree.root} -printf '%s %T@\\n' (warm, best of 2): ${findSeconds.toFixed(3)} s`);
  await onEachEngine(work, (name, url) => runEngine(tree, findSeconds, name, url));
  const engines = Object.values(results);
  const top: Figures = {};
  for (const k of Object.keys(TARGETS) as Figure[]) {
    const values = engines.map((e) => e[k]).filter((v): v is number => typeof v === "number");
    if (values.length) top[k] = Math.max(...values);
  }
  console.log(`summary (${tree.files} photos; the worse engine):`);
  for (const k of Object.keys(TARGETS) as Figure[]) console.log(`  ${k.padEnd(20)} ${top[k] ?? "not measured"} ${top[k] === undefined ? "" : verdict(k, top[k])}`);
  const detail = Object.fromEntries(Object.entries(results).map(([name, r]) => [name === "SQLite" ? "sqlite" : "postgresql", r]));
  console.log(JSON.stringify({ photos: tree.files, findSeconds: round(findSeconds, 3), ...top, ...detail }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
