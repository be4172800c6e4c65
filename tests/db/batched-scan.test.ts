// Issue 18: a scan walks and compares one batch of folders at a time, so its memory does not grow
// with the library. These scans use batches of one folder (`batchFiles: 1`) to cross batch
// boundaries everywhere: moves between folders in either walk order, folders vanishing while the
// walk is under way, a scan stopped half-way and run again, and the same rows as one big batch.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { scanRoot, SCANNER_VERSION } from "~/server/scanner/scan-root";
import { READ_AHEAD } from "~/server/scanner/walk";
import { writeJpeg, writeSidecar } from "../support/media";
import { makeTree } from "../support/library";
import { asIndexedByAnOlderRelease, jobContext, photoByPath, scanOnce } from "../support/scan";
import { writeLivePair } from "../support/video";

let lib: (rel?: string) => string;
beforeEach(() => {
  lib = makeTree("root");
});

/** A JPEG of its own content (the colour and a seed make the bytes differ). */
const photo = (rel: string, n: number) => writeJpeg(lib(rel), { width: 64, height: 48, color: `rgb(${(n * 37) % 256},${(n * 91) % 256},${(n * 53) % 256})`, seed: n, noise: true });

describe("a scan in batches of folders", () => {
  it("follows moves between folders whichever comes first in the walk, and from a folder that is gone", async () => {
    await photo("root/a/early.jpg", 1);
    await photo("root/m/middle.jpg", 2);
    await photo("root/z/late.jpg", 3);
    await photo("root/gone/away.jpg", 4);
    await photo("root/z/stays.jpg", 5);
    expect((await scanOnce(lib("root"), { batchFiles: 1 })).stats).toMatchObject({ found: 5, added: 5 });
    const before = new Map((await db.photo.findMany({ select: { id: true, fileName: true } })).map((p) => [p.fileName, p.id]));

    renameSync(lib("root/a/early.jpg"), lib("root/z/early.jpg")); // to a folder later in the walk
    renameSync(lib("root/z/late.jpg"), lib("root/a/late.jpg")); // to a folder earlier in the walk
    renameSync(lib("root/gone/away.jpg"), lib("root/m/away.jpg")); // out of a folder then deleted
    rmSync(lib("root/gone"), { recursive: true });
    const { stats, logs } = await scanOnce(lib("root"), { batchFiles: 1 });
    expect(logs.filter((l) => l.startsWith("warn"))).toEqual([]);
    expect(stats).toMatchObject({ found: 5, moved: 3, added: 0, missing: 0, unchanged: 2 });
    for (const [name, rel] of [
      ["early.jpg", "root/z/early.jpg"],
      ["late.jpg", "root/a/late.jpg"],
      ["away.jpg", "root/m/away.jpg"],
    ] as const) {
      expect(await photoByPath(lib(rel))).toMatchObject({ id: before.get(name), missingSince: null, directory: path.dirname(lib(rel)) });
    }
    expect(await db.photo.count()).toBe(5);
    // the folder summary followed: the gone folder has no row, the others their counts
    const folders = await db.folder.findMany({ where: { path: { startsWith: lib("root") } }, orderBy: { path: "asc" } });
    expect(folders.map((f) => [path.relative(lib("root"), f.path), f.photoCount])).toEqual([
      ["a", 1],
      ["m", 2],
      ["z", 2],
    ]);
  });

  it("marks missing what vanishes while the walk is under way, and what a copy left behind is not a move", async () => {
    await photo("root/a/one.jpg", 1);
    // the walk reads READ_AHEAD folders ahead of the one being scanned: b and c lie beyond them
    for (let i = 0; i < READ_AHEAD; i++) await photo(`root/a${i}/filler.jpg`, 100 + i);
    await photo("root/b/two.jpg", 2);
    await photo("root/c/three.jpg", 3);
    await photo("root/d/four.jpg", 4);
    await scanOnce(lib("root"), { batchFiles: 1 });
    // a copy of one.jpg in a new folder: one.jpg stays where it is, so the copy is new
    await photo("root/e/one-copy.jpg", 1);

    const { ctx, logs } = jobContext();
    let removed = false;
    const progress = ctx.progress;
    ctx.progress = (done, total) => {
      progress(done, total);
      // once folder a is scanned: folder c and b's file go away before the walk reads them
      if (!removed && done >= 1) {
        removed = true;
        rmSync(lib("root/c"), { recursive: true });
        rmSync(lib("root/b/two.jpg"));
      }
    };
    const stats = await scanRoot(lib("root"), ctx, { batchFiles: 1 });
    expect(logs.filter((l) => l.startsWith("warn") || l.startsWith("error"))).toEqual([]);
    expect(removed).toBe(true);
    expect(stats).toMatchObject({ stopped: false, added: 1, moved: 0, missing: 2 });
    expect(await photoByPath(lib("root/c/three.jpg"))).toMatchObject({ missingSince: expect.any(Date) });
    expect(await photoByPath(lib("root/b/two.jpg"))).toMatchObject({ missingSince: expect.any(Date) });
    expect(await photoByPath(lib("root/a/one.jpg"))).toMatchObject({ missingSince: null });
    expect(await photoByPath(lib("root/d/four.jpg"))).toMatchObject({ missingSince: null });
    expect(await photoByPath(lib("root/e/one-copy.jpg"))).toMatchObject({ missingSince: null });
  });

  it("stopped half-way, indexes the rest when run again and ends where one whole scan ends", async () => {
    for (let i = 0; i < 12; i++) await photo(`root/f${i % 6}/p${i}.jpg`, 10 + i);
    const first = await scanOnce(lib("root"), { batchFiles: 1, stopAfter: 5 });
    expect(first.stats.stopped).toBe(true);
    const partial = await db.photo.count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(12);
    // nothing is missing after a stop: the rows of folders not reached yet are left as they were
    expect(await db.photo.count({ where: { missingSince: { not: null } } })).toBe(0);

    const { stats } = await scanOnce(lib("root"), { batchFiles: 1 });
    expect(stats).toMatchObject({ stopped: false, found: 12, missing: 0, moved: 0 });
    expect(stats.added + stats.unchanged).toBe(12);
    expect(stats.unchanged).toBeGreaterThanOrEqual(partial - 2); // files being read when it stopped may be read again
    expect(await db.photo.count({ where: { missingSince: null, thumbnailState: "ready" } })).toBe(12);
    expect((await scanOnce(lib("root"), { batchFiles: 1 })).stats).toMatchObject({ unchanged: 12, added: 0, updated: 0 });
  });

  it("gives the same rows in batches of one folder as in one batch: sidecars, live photos, duplicates, nested folders", async () => {
    await photo("root/trip/a.jpg", 1);
    await photo("root/trip/b.jpg", 2);
    writeSidecar(lib("root/trip/b.jpg.xmp"), { rating: 4, title: "From the sidecar" });
    await photo("root/trip/day2/c.jpg", 3);
    await photo("root/copies/a.jpg", 1); // the same content as trip/a.jpg
    await writeLivePair(lib("root/phone"), "IMG_0001", { still: "jpeg" });
    await photo("root/phone/IMG_0002.jpg", 4);
    mkdirSync(lib("root/empty"));

    const rows = async () =>
      (
        await db.photo.findMany({
          select: {
            path: true,
            directory: true,
            size: true,
            contentHash: true,
            mediaType: true,
            hasMotion: true,
            motionKind: true,
            motionPath: true,
            sidecarPath: true,
            rating: true,
            title: true,
            takenAt: true,
            width: true,
            height: true,
            thumbnailState: true,
            readError: true,
            missingSince: true,
          },
          orderBy: { path: "asc" },
        })
      ).map((r) => ({ ...r, size: Number(r.size) }));
    const batched = await scanOnce(lib("root"), { batchFiles: 1 });
    const inBatches = await rows();
    const folders = await db.folder.findMany({ select: { path: true, photoCount: true }, orderBy: { path: "asc" } });
    await db.photo.deleteMany();
    await db.folder.deleteMany();
    await db.folderListing.deleteMany();
    const whole = await scanOnce(lib("root"));
    expect(await rows()).toEqual(inBatches);
    expect(await db.folder.findMany({ select: { path: true, photoCount: true }, orderBy: { path: "asc" } })).toEqual(folders);
    expect(whole.stats).toEqual(batched.stats);
    expect(inBatches.map((r) => path.relative(lib("root"), r.path))).toEqual(["copies/a.jpg", "phone/IMG_0001.JPG", "phone/IMG_0002.jpg", "trip/a.jpg", "trip/b.jpg", "trip/day2/c.jpg"]);
    expect(inBatches.find((r) => r.path.endsWith("IMG_0001.JPG"))).toMatchObject({ hasMotion: true, motionKind: "live" });
    expect(inBatches.find((r) => r.path.endsWith("trip/b.jpg"))).toMatchObject({ rating: 4, title: "From the sidecar" });
  });

  it("counts an unchanged folder from its listing as the walk would, and compares it again when its entries or the skip patterns change", async () => {
    await photo("root/trip/a.jpg", 1);
    await photo("root/trip/b.jpg", 2);
    writeSidecar(lib("root/trip/b.jpg.xmp"), { rating: 4 });
    await writeLivePair(lib("root/phone"), "IMG_0001", { still: "jpeg" });
    const first = (await scanOnce(lib("root"))).stats;
    // 4 files, the live photo's video among them; 3 rows
    expect(first).toMatchObject({ found: 4, added: 3 });
    expect((await scanOnce(lib("root"))).stats).toMatchObject({ found: 4, unchanged: 3, added: 0, updated: 0, missing: 0 });

    // a skip pattern now leaves b.jpg out: its folder is compared, the row goes missing; and back
    await db.siteSettings.update({ where: { id: 1 }, data: { skipPatterns: "b.jpg" } });
    expect((await scanOnce(lib("root"))).stats).toMatchObject({ found: 3, unchanged: 2, missing: 1 });
    await db.siteSettings.update({ where: { id: 1 }, data: { skipPatterns: "" } });
    expect((await scanOnce(lib("root"))).stats).toMatchObject({ found: 4, unchanged: 3, returned: 1 });

    // a file that is not a photo, and a subfolder, change the folder's entries: it is compared
    // (its rows found unchanged), then taken whole again
    writeFileSync(lib("root/trip/notes.txt"), "not a photo");
    await photo("root/trip/day2/c.jpg", 3);
    expect((await scanOnce(lib("root"))).stats).toMatchObject({ found: 5, unchanged: 3, added: 1, updated: 0 });
    expect((await scanOnce(lib("root"))).stats).toMatchObject({ found: 5, unchanged: 4, added: 0 });
    // a sidecar rewritten with a new size: the photo is read again
    writeSidecar(lib("root/trip/b.jpg.xmp"), { rating: 2, title: "A longer title than before" });
    expect((await scanOnce(lib("root"))).stats).toMatchObject({ found: 5, unchanged: 3, updated: 1 });
  });

  it("warns of a name it cannot index on every scan, not only when the folder changed", async () => {
    await photo("root/trip/a.jpg", 1);
    await photo("root/trip/bad\nname.jpg", 2);
    for (let i = 0; i < 2; i++) {
      const { stats, logs } = await scanOnce(lib("root"));
      expect(stats).toMatchObject({ found: 1 });
      expect(logs.filter((l) => l.includes("control character"))).toHaveLength(1);
    }
  });

  it("takes an unchanged folder whole from its listing, and compares the rows of one it could not index whole", async () => {
    await photo("root/f/a.jpg", 1);
    await photo("root/f/b.jpg", 2);
    await photo("root/g/c.jpg", 3);
    // b.jpg is away while the scan reads it (after the walk listed it): it cannot be indexed
    const { ctx, logs } = jobContext();
    const progress = ctx.progress;
    let away = false;
    ctx.progress = (done, total) => {
      progress(done, total);
      if (!away) {
        away = true;
        renameSync(lib("root/f/b.jpg"), lib("b.jpg"));
      }
    };
    expect(await scanRoot(lib("root"), ctx, { concurrency: 1 })).toMatchObject({ added: 2 });
    expect(logs.filter((l) => l.startsWith("warn"))).toEqual([expect.stringContaining(`cannot index ${lib("root/f/b.jpg")}`)]);
    // back as it was, same size and mtime: the listing of f was not kept, so b.jpg is read now
    renameSync(lib("b.jpg"), lib("root/f/b.jpg"));
    expect((await scanOnce(lib("root"))).stats).toMatchObject({ found: 3, added: 1, unchanged: 2 });

    // a row changed behind the scanner's back (as only a migration would) is not looked at while
    // its folder's listing stands; a migration that needs files read again resets the listings
    const c = (await photoByPath(lib("root/g/c.jpg")))!;
    await db.photo.update({ where: { id: c.id }, data: { scannerVersion: 0 } });
    expect((await scanOnce(lib("root"))).stats).toMatchObject({ unchanged: 3, updated: 0 });
    await asIndexedByAnOlderRelease();
    expect((await scanOnce(lib("root"))).stats).toMatchObject({ unchanged: 2, updated: 1 });
    expect(await photoByPath(lib("root/g/c.jpg"))).toMatchObject({ id: c.id, scannerVersion: SCANNER_VERSION });
  });
});
