// The Folder summary behind the folders page and the user list: filled by the worker after a
// scan and by the migration, read without touching the photos.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db, usesPostgres } from "~/server/db";
import { claimNextJob, enqueueScan } from "~/server/jobs/queue";
import { runJob } from "~/server/jobs/worker";
import { refreshFolderSummary } from "~/server/db/folder-summary";
import { foldersUnder } from "~/server/db/visibility";
import { listFolder } from "~/server/services/folders";
import { writeImage } from "../support/images";
import { makeTree } from "../support/library";
import { makePhoto } from "../support/photos";
import { photoByPath, scanOnce } from "../support/scan";

let lib: (rel?: string) => string;
const exif = (date: string) => ({ IFD2: { DateTimeOriginal: date } });
const idOf = async (rel: string) => (await photoByPath(lib(rel)))!.id;
const viewer = (scanPath: string) => ({ id: "nobody", scanPaths: [scanPath] });

/** The summary rows under `dir`, keyed by path relative to the tree. */
async function summary(dir = lib()) {
  const rows = await db.folder.findMany({ where: foldersUnder(dir), orderBy: { path: "asc" } });
  return Object.fromEntries(rows.map((r) => [path.relative(lib(), r.path) || ".", { count: r.photoCount, cover: r.coverId }]));
}
const folderView = async (scanPath: string, dir?: string) => {
  const f = await listFolder(viewer(scanPath), dir);
  return { here: f.photoCount, folders: f.folders.map((c) => [c.name, c.photoCount, c.coverId]) };
};

beforeEach(async () => {
  // "alice-x" and "alice 2" sort between "alice" and "alice/" in byte order, "alice2" after "alice0"
  lib = makeTree("alice/2023", "alice2", "alice-x", "alice 2", "bob");
  await writeImage(lib("alice/a1.jpg"), { exif: exif("2022:01:01 10:00:00"), seed: 1 });
  await writeImage(lib("alice/2023/a2.jpg"), { exif: exif("2023:06:01 10:00:00"), seed: 2 });
  await writeImage(lib("alice/2023/a3.jpg"), { exif: exif("2023:07:01 10:00:00"), seed: 3 });
  await writeImage(lib("alice2/x.jpg"), { exif: exif("2024:01:01 10:00:00"), seed: 4 });
  await writeImage(lib("alice-x/y.jpg"), { exif: exif("2024:01:02 10:00:00"), seed: 5 });
  await writeImage(lib("alice 2/z.jpg"), { exif: exif("2024:01:03 10:00:00"), seed: 6 });
  await writeImage(lib("bob/b.jpg"), { exif: exif("2024:02:01 10:00:00"), seed: 7 });
});

describe("the folder summary", () => {
  it("is filled by a scan job: present photos per directory, the newest with a preview as cover", async () => {
    // a file that could not be read, and the newest of all (dated by its mtime): no photo, so
    // neither counted nor a cover (scanner/readability.ts)
    writeFileSync(lib("alice/2023/broken.jpg"), "not a jpeg");
    await enqueueScan({ root: lib() });
    const job = (await claimNextJob("w1"))!;
    await runJob(job, "w1");
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "succeeded" });

    const [a1, a3, x, y, z, b] = await Promise.all(
      ["alice/a1.jpg", "alice/2023/a3.jpg", "alice2/x.jpg", "alice-x/y.jpg", "alice 2/z.jpg", "bob/b.jpg"].map(idOf),
    );
    expect(await summary()).toEqual({
      alice: { count: 1, cover: a1 },
      "alice/2023": { count: 2, cover: a3 },
      "alice 2": { count: 1, cover: z },
      "alice-x": { count: 1, cover: y },
      alice2: { count: 1, cover: x },
      bob: { count: 1, cover: b },
    });
    expect(await folderView(lib())).toEqual({
      here: 0,
      folders: [
        ["alice", 3, a3],
        ["alice 2", 1, z],
        ["alice-x", 1, y],
        ["alice2", 1, x],
        ["bob", 1, b],
      ],
    });
    // a scan path on a boundary: its neighbours with longer names are not inside it
    expect(await folderView(lib("alice"))).toEqual({ here: 1, folders: [["2023", 2, a3]] });
    expect(await folderView(lib("alice"), lib("alice/2023"))).toEqual({ here: 2, folders: [] });
  });

  it("is refreshed by a scan job for the folders it changed only, and for the whole root when the job resumes", async () => {
    const runScan = async (attempts?: number) => {
      await enqueueScan({ root: lib() });
      const job = (await claimNextJob("w1"))!;
      await runJob(attempts ? { ...job, attempts } : job, "w1");
      expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "succeeded" });
    };
    await runScan();
    // a stale row where nothing changes: a job that changed only bob/ leaves it as it is
    await db.folder.update({ where: { path: lib("alice2") }, data: { photoCount: 99 } });
    await writeImage(lib("bob/b2.jpg"), { exif: exif("2024:03:01 10:00:00"), seed: 8 });
    rmSync(lib("alice/2023/a3.jpg"));
    await runScan();
    const after = await summary();
    expect(after).toMatchObject({ alice2: { count: 99 }, bob: { count: 2, cover: await idOf("bob/b2.jpg") }, "alice/2023": { count: 1 } });
    // a resumed job cannot know what the lost run changed: it refreshes every folder of its root
    await runScan(2);
    expect((await summary()).alice2).toMatchObject({ count: 1 });
  });

  it("follows a rescan: a deleted file lowers the count and moves the cover; an emptied folder disappears", async () => {
    await scanOnce(lib());
    const [a1, a2] = [await idOf("alice/a1.jpg"), await idOf("alice/2023/a2.jpg")];
    rmSync(lib("alice/2023/a3.jpg"));
    rmSync(lib("bob/b.jpg"));
    await scanOnce(lib());
    expect((await summary(lib("alice")))["alice/2023"]).toEqual({ count: 1, cover: a2 });
    expect((await summary(lib("bob"))).bob).toBeUndefined();
    const top = await folderView(lib());
    expect(top.folders.find(([name]) => name === "alice")).toEqual(["alice", 2, a2]);
    expect(top.folders.map(([name]) => name)).not.toContain("bob");

    rmSync(lib("alice/2023"), { recursive: true });
    await scanOnce(lib("alice")); // a rescan of a subtree only
    expect(await summary(lib("alice"))).toEqual({ alice: { count: 1, cover: a1 } });
    expect(await folderView(lib(), lib("alice"))).toEqual({ here: 1, folders: [] });
  });

  it("is added up for a folder view again only after a refresh raised its version", async () => {
    await scanOnce(lib());
    const version = async () => (await db.folderSummaryVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
    const before = await version();
    const top = await folderView(lib());
    expect(top.folders.find(([name]) => name === "bob")?.[1]).toBe(1);
    // a row changed behind the summary's back, the version as it was: the totals added up are kept
    await db.folder.update({ where: { path: lib("bob") }, data: { photoCount: 42 } });
    expect(await folderView(lib())).toEqual(top);
    // a scan's refresh raises the version in its transaction: the next view adds up again
    await writeImage(lib("bob/b2.jpg"), { exif: exif("2024:03:01 10:00:00"), seed: 8 });
    await scanOnce(lib("bob"));
    expect(await version()).toBeGreaterThan(before);
    expect((await folderView(lib())).folders.find(([name]) => name === "bob")?.[1]).toBe(2);
  });

  it("refreshes a root on path boundaries: alice2, alice-x and alice 2 keep their rows", async () => {
    await scanOnce(lib());
    const before = await summary();
    await db.photo.updateMany({ where: { directory: { not: lib("bob") } }, data: { missingSince: new Date() } });
    await refreshFolderSummary(lib("alice"));
    const { alice: _a, "alice/2023": _b, ...rest } = before;
    expect(await summary()).toEqual(rest);
    // and a trailing slash means the same folder
    await refreshFolderSummary(`${lib("alice2")}/`);
    expect(Object.keys(await summary())).toEqual(["alice 2", "alice-x", "bob"]);
  });

  it("orders covers by date, then id, an undated photo oldest, on both engines", async () => {
    const dir = lib("dated");
    const photo = (rel: string, id: string, takenAt: string | null, extra: Parameters<typeof makePhoto>[1] = {}) =>
      makePhoto(`${dir}/${rel}`, { id, takenAt: takenAt ? new Date(takenAt) : null, ...extra });
    await photo("p1.jpg", "id1", null);
    await photo("p2.jpg", "id2", "2020-01-01T00:00:00Z");
    await photo("p3.jpg", "id3", "2020-01-01T00:00:00Z");
    await photo("p4.jpg", "id4", "2030-01-01T00:00:00Z", { thumbnailState: "pending" });
    await photo("p5.jpg", "id5", "2031-01-01T00:00:00Z", { missingSince: new Date() });
    await photo("old/q1.jpg", "id6", null);
    await photo("old/q2.jpg", "id0", null);
    await photo("old/deeper/r1.jpg", "id9", null);
    await refreshFolderSummary(lib());
    expect(await summary()).toEqual({
      dated: { count: 4, cover: "id3" },
      "dated/old": { count: 2, cover: "id6" },
      "dated/old/deeper": { count: 1, cover: "id9" },
    });
    expect(await folderView(lib())).toEqual({ here: 0, folders: [["dated", 7, "id3"]] });
    expect(await folderView(lib(), dir)).toEqual({ here: 4, folders: [["old", 3, "id9"]] });
  });

  it("is back-filled by its migration for photos indexed before it", async () => {
    await scanOnce(lib());
    const scanned = await summary();
    const engine = usesPostgres() ? "postgresql" : "sqlite";
    const dir = readdirSync(`prisma/migrations/${engine}`).find((d) => d.endsWith("_folder_summary"))!;
    const sql = readFileSync(`prisma/migrations/${engine}/${dir}/migration.sql`, "utf8");
    const backFill = sql.slice(sql.indexOf('INSERT INTO "Folder"')).trim().replace(/;$/, "");
    await db.folder.deleteMany();
    await db.$executeRawUnsafe(backFill);
    expect(await summary()).toEqual(scanned);
  });

  it("survives concurrent refreshes of overlapping roots", async () => {
    await scanOnce(lib());
    const expected = await summary();
    for (let i = 0; i < 3; i++) {
      await Promise.all([lib(), lib("alice"), lib("alice/2023"), lib(), lib("alice")].map((r) => refreshFolderSummary(r)));
    }
    expect(await summary()).toEqual(expected);
  });

  it("declares Folder.path with a byte-order collation (the test server may default to C already)", async () => {
    if (usesPostgres()) {
      const [col] = await db.$queryRawUnsafe<{ collation: string | null }[]>(
        `SELECT CAST(collation_name AS TEXT) AS "collation" FROM information_schema.columns WHERE table_name = 'Folder' AND column_name = 'path'`,
      );
      expect(col?.collation).toBe("C");
    } else {
      // SQLite compares bytes (BINARY) unless a column says otherwise
      const [table] = await db.$queryRawUnsafe<{ sql: string }[]>(`SELECT "sql" FROM sqlite_master WHERE "name" = 'Folder'`);
      expect(table!.sql).not.toMatch(/COLLATE/i);
    }
  });

  it("orders and compares Folder.path byte by byte, as the path ranges need (C collation on PostgreSQL)", async () => {
    // a language collation would put "a" before "B" and "/x/a-b" between "/x/a/" and "/x/a0"
    for (const p of ["/x/a/z", "/x/a-b", "/x/B", "/x/a"]) await db.folder.create({ data: { path: p, photoCount: 1 } });
    const rows = await db.$queryRawUnsafe<{ path: string }[]>(`SELECT "path" FROM "Folder" WHERE "path" LIKE '/x/%' ORDER BY "path"`);
    expect(rows.map((r) => r.path)).toEqual(["/x/B", "/x/a", "/x/a-b", "/x/a/z"]);
  });
});
