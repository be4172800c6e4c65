// The timeline's plan depends on statistics (db/timeline.ts timelineStatement): for a user
// on a small subtree, collect it through the directory index; never walk every photo by date.
// The web process has its own connection, so it must see statistics a worker refreshed.
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { env } from "~/env";
import { createDb, db, dialect, usesPostgres } from "~/server/db";
import { refreshPlannerStatistics } from "~/server/db/maintenance";
import { timelineStatement } from "~/server/db/timeline";

const web = createDb(env.DATABASE_URL); // another connection, as the web process has
afterAll(() => web.$disconnect());

async function addPhotos(dir: string, count: number, from: number) {
  const data = Array.from({ length: count }, (_, i) => ({
    path: path.join(dir, `p${from + i}.jpg`),
    directory: dir,
    fileName: `p${from + i}.jpg`,
    size: 1n,
    mtime: new Date(),
    takenAt: new Date(Date.UTC(2000, 0, 1) + (from + i) * 60_000),
  }));
  for (let i = 0; i < data.length; i += 1000) await db.photo.createMany({ data: data.slice(i, i + 1000) });
}

async function webPlan(scanPath: string) {
  const { sql, params } = timelineStatement(dialect(), { id: "someone", scanPaths: [scanPath] }, {}, 60);
  // run it first: SQLite notices a schema change when a statement runs (EXPLAIN does not check)
  await web.$queryRawUnsafe(sql, ...params);
  if (usesPostgres()) {
    const rows = await web.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, ...params);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  }
  const rows = await web.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
  return rows.map((r) => r.detail).join("\n");
}

it("a small subtree is read through the directory index, with statistics refreshed by another connection", async () => {
  // first /lib/small is the whole library, and the web connection loads statistics saying so
  await addPhotos("/lib/small", 3000, 0);
  await refreshPlannerStatistics();
  await webPlan("/lib/small");

  // then it is a small corner of it
  await db.photo.deleteMany({ where: { directory: "/lib/small", takenAt: { gte: new Date(Date.UTC(2000, 0, 1) + 20 * 60_000) } } });
  await addPhotos("/lib/big", 6000, 20_000);
  await refreshPlannerStatistics();
  const plan = await webPlan("/lib/small");
  expect(plan).toMatch(/Photo_directory_idx/);
  expect(plan).not.toMatch(/SCAN p USING INDEX Photo_walk_idx|Index Scan Backward using "Photo_walk_idx"/);
});
