// GET /api/health: what a load balancer or container health check needs to know about this
// process. Healthy means the database answers and every migration shipped with this build has
// been applied; the worker and scheduler lines say what this process runs, not cluster state.
import { readdirSync } from "node:fs";
import path from "node:path";
import { env } from "~/env";
import { db, dialect, type Db } from "~/server/db";
import { appliedMigrations } from "~/server/db/maintenance";
import { processRoles } from "~/server/jobs/roles";
import { mediaTools } from "~/server/scanner/media-tools";
import { errorLine } from "~/lib/error-text";

const DB_TIMEOUT_MS = 3_000;

let shipped: string[] | null = null;
function shippedMigrations() {
  const dir = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations", dialect());
  return (shipped ??= readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort());
}

function withTimeout<T>(work: Promise<T>, what: string) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${DB_TIMEOUT_MS / 1000} s`)), DB_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** `{ ok, body }` for GET /api/health: ok when `client` answers within 3 s and every migration
 *  shipped with this build is applied; the body says what this process runs, and which media
 *  tools it has (`media.heifDecoder`: "native" heif-convert or "wasm"; `media.exiftool`: starts; `media.ffmpeg`/`media.ffprobe`: { source:
 *  "env" | "system" | "npm", version } or null). */
export async function checkHealth(client: Db = db) {
  const database: { reachable: boolean; engine: string; error?: string } = { reachable: false, engine: dialect() };
  const migrations: { applied: number; pending: string[]; error?: string } = { applied: 0, pending: [] };
  // details (host, user, paths) go to the server log, not to whoever asks
  const fail = (what: string, e: unknown) => console.error(`[folio] health check: ${what}: ${errorLine(e)}`);
  let applied: Set<string> | null = null;
  try {
    applied = await withTimeout(appliedMigrations(client), "the database");
    database.reachable = true;
  } catch (e) {
    fail("database", e);
    database.error = "the database did not answer; see the server log";
  }
  if (applied) {
    try {
      migrations.pending = shippedMigrations().filter((m) => !applied.has(m));
      migrations.applied = applied.size;
    } catch (e) {
      fail("migrations", e);
      migrations.error = "the migrations of this build could not be read; see the server log";
    }
  }
  const { worker, scheduler } = processRoles;
  // a missing ExifTool or native decoder makes scans poorer or slower, never the process unfit
  const media = await withTimeout(mediaTools(), "the media tools").catch((e: unknown) => ({ error: errorLine(e) }));
  const ok = database.reachable && !migrations.error && migrations.pending.length === 0;
  return {
    ok,
    body: {
      status: ok ? "ok" : "unhealthy",
      database,
      migrations,
      worker: env.SCAN_WORKER === "on" ? { enabled: true, ...(worker?.status() ?? { running: false }) } : { enabled: false },
      scheduler: env.SCHEDULER === "on" ? { enabled: true, running: !!scheduler } : { enabled: false },
      media,
      pid: process.pid,
      uptimeSeconds: Math.round(process.uptime()),
    },
  };
}
