import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { visibleTo } from "~/server/db/visibility";
import { thumbnailPath } from "~/server/scanner/thumbnails";
import { snapshotTree, writeImage } from "../support/images";
import { writeJpeg } from "../support/media";
import { makeTree, outsideFolder } from "../support/library";
import { photoByPath, scanOnce } from "../support/scan";
import { makeUser } from "../support/users";

let lib: (rel?: string) => string;
beforeEach(() => {
  lib = makeTree("album");
});

const EXIF = {
  IFD0: { Make: "Fujifilm", Model: "X-T4", DateTime: "2021:07:15 10:00:00" },
  IFD2: {
    DateTimeOriginal: "2021:07:14 09:30:00",
    OffsetTimeOriginal: "+02:00",
    ExposureTime: "1/250",
    FNumber: "5.6",
    ISOSpeedRatings: "400",
    FocalLength: "23",
    LensModel: "XF23mmF2 R WR",
  },
  IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 0/1" },
};

describe("scanning a root", () => {
  it("indexes every supported format once, with thumbnails in STATE_DIR and the library untouched", async () => {
    await writeImage(lib("album/big.jpg"), { width: 2000, height: 1500 });
    await writeImage(lib("album/pic.png"), { format: "png" });
    await writeImage(lib("album/pic.webp"), { format: "webp" });
    await writeImage(lib("album/pic.gif"), { format: "gif" });
    await writeImage(lib("album/pic.tiff"), { format: "tiff" });
    await writeImage(lib("album/pic.avif"), { format: "avif", width: 32, height: 32 });
    await writeImage(lib("album/with space 'quoted' \"name\".JPG"));
    await writeImage(lib("album/ünïcødé ☀.jpeg"));
    writeFileSync(lib("album/notes.txt"), "not a photo");
    await writeImage(lib("album/.hidden.jpg"));
    await writeImage(lib(".secret/inside.jpg"));
    const before = snapshotTree(lib());

    const { stats } = await scanOnce(lib());
    expect(stats).toMatchObject({ found: 8, added: 8, unchanged: 0, noPreview: 0 });
    expect(snapshotTree(lib())).toEqual(before);

    const big = (await photoByPath(lib("album/big.jpg")))!;
    expect(big).toMatchObject({ width: 2000, height: 1500, thumbnailState: "ready", mime: "image/jpeg", directory: lib("album") });
    expect(await sharp(thumbnailPath(big.contentHash!, "large")).metadata()).toMatchObject({ width: 1280, height: 960, format: "webp" });
    expect(await sharp(thumbnailPath(big.contentHash!, "small")).metadata()).toMatchObject({ width: 256, height: 192 });
    expect(await photoByPath(lib("album/with space 'quoted' \"name\".JPG"))).toMatchObject({ thumbnailState: "ready" });
    expect(await photoByPath(lib("album/ünïcødé ☀.jpeg"))).toMatchObject({ thumbnailState: "ready" });
    expect(await db.photo.count({ where: { fileName: { in: ["notes.txt", ".hidden.jpg", "inside.jpg"] } } })).toBe(0);
  });

  it("reads the EXIF fields of a photo with known tags, and its orientation", async () => {
    await writeImage(lib("album/tagged.jpg"), { exif: EXIF });
    await writeImage(lib("album/turned.jpg"), { width: 400, height: 300, orientation: 6 });
    await scanOnce(lib());
    const tagged = (await photoByPath(lib("album/tagged.jpg")))!;
    expect(tagged.takenAt?.toISOString()).toBe("2021-07-14T07:30:00.000Z");
    expect(tagged).toMatchObject({
      takenAtOffset: 120,
      cameraMake: "Fujifilm",
      cameraModel: "X-T4",
      lens: "XF23mmF2 R WR",
      exposureTime: 0.004,
      fNumber: 5.6,
      iso: 400,
      focalLength: 23,
    });
    expect(tagged.latitude).toBeCloseTo(48.858, 3);
    expect(tagged.longitude).toBeCloseTo(2.35, 3);

    const turned = (await photoByPath(lib("album/turned.jpg")))!;
    expect(turned).toMatchObject({ orientation: 6, width: 300, height: 400 });
    expect(await sharp(thumbnailPath(turned.contentHash!, "large")).metadata()).toMatchObject({ width: 300, height: 400 });
  });

  it("falls back to the file's mtime when a photo has no date", async () => {
    const file = await writeImage(lib("album/plain.png"), { format: "png" });
    const when = new Date("2019-03-04T05:06:07.000Z");
    utimesSync(file, when, when);
    await scanOnce(lib());
    expect((await photoByPath(file))?.takenAt?.toISOString()).toBe(when.toISOString());
  });

  it("indexes corrupt, zero-byte and undecodable files with no preview, logs them, and goes on", async () => {
    await writeImage(lib("album/good.jpg"));
    writeFileSync(lib("album/corrupt.jpg"), Buffer.from("this is not a jpeg at all"));
    writeFileSync(lib("album/empty.png"), Buffer.alloc(0));
    writeFileSync(lib("album/phone.heic"), Buffer.from("ftypheic but not really"));
    const { stats, logs } = await scanOnce(lib());
    expect(stats).toMatchObject({ found: 4, added: 4, noPreview: 3 });
    for (const name of ["corrupt.jpg", "empty.png", "phone.heic"]) {
      expect(await photoByPath(lib(`album/${name}`)), name).toMatchObject({ thumbnailState: "failed" });
      expect(logs.some((l) => l.startsWith("warn: no preview for") && l.includes(name)), name).toBe(true);
    }
    expect(await photoByPath(lib("album/good.jpg"))).toMatchObject({ thumbnailState: "ready" });
  });

  it("skips unchanged files, updates changed ones, hides removed ones and keeps ids when they come back", async () => {
    const a = await writeImage(lib("album/a.jpg"), { seed: 1 });
    const b = await writeImage(lib("album/b.jpg"), { seed: 2 });
    await scanOnce(lib());
    const [rowA, rowB] = [(await photoByPath(a))!, (await photoByPath(b))!];

    const again = await scanOnce(lib());
    expect(again.stats).toMatchObject({ unchanged: 2, added: 0, updated: 0 });

    await writeImage(a, { seed: 99, width: 80 });
    utimesSync(a, new Date(), new Date(Date.now() + 5_000));
    const changed = await scanOnce(lib());
    expect(changed.stats).toMatchObject({ updated: 1, unchanged: 1 });
    const newA = (await photoByPath(a))!;
    expect(newA.id).toBe(rowA.id);
    expect(newA.contentHash).not.toBe(rowA.contentHash);
    expect(newA.width).toBe(80);

    const hidden = path.join(lib(), "b.jpg.away");
    renameSync(b, hidden);
    const removed = await scanOnce(lib());
    expect(removed.stats.missing).toBe(1);
    expect((await photoByPath(b))?.missingSince).toBeInstanceOf(Date);
    expect(await db.photo.count({ where: visibleTo({ id: "", scanPaths: [lib()] }) })).toBe(1);

    renameSync(hidden, b);
    const back = await scanOnce(lib());
    expect(back.stats.returned).toBe(1);
    expect(await photoByPath(b)).toMatchObject({ id: rowB.id, missingSince: null });
  });

  it("follows a file moved within the root by its content: same id, favorites, tags and albums kept", async () => {
    const alice = await makeUser({ username: "alice" });
    const bob = await makeUser({ username: "bob" });
    const from = await writeImage(lib("album/trip.jpg"), { seed: 7 });
    await scanOnce(lib());
    const photo = (await photoByPath(from))!;
    await db.photoState.create({ data: { userId: alice.id, photoId: photo.id, favorite: true } });
    const tag = await db.tag.create({ data: { userId: bob.id, name: "sea", nameKey: "sea" } });
    await db.photoTag.create({ data: { tagId: tag.id, photoId: photo.id } });
    const album = await db.album.create({ data: { userId: bob.id, name: "Summer" } });
    await db.albumPhoto.create({ data: { albumId: album.id, photoId: photo.id } });

    mkdirSync(lib("sorted/2021"), { recursive: true });
    const to = lib("sorted/2021/trip renamed.jpg");
    renameSync(from, to);
    const { stats } = await scanOnce(lib());
    expect(stats).toMatchObject({ moved: 1, added: 0, missing: 0 });
    expect(await photoByPath(from)).toBeNull();
    expect(await photoByPath(to)).toMatchObject({ id: photo.id, directory: lib("sorted/2021"), missingSince: null });
    expect(await db.photoState.findFirst({ where: { photoId: photo.id, userId: alice.id } })).toMatchObject({ favorite: true });
    expect(await db.photoTag.count({ where: { photoId: photo.id } })).toBe(1);
    expect(await db.albumPhoto.count({ where: { photoId: photo.id } })).toBe(1);
    expect(await db.photo.count()).toBe(1);
  });

  it("does not follow symlinks out of the root, survives loops, and skips the site's skip patterns", async () => {
    const outside = outsideFolder();
    await writeImage(path.join(outside, "private.jpg"));
    symlinkSync(outside, lib("album/escape"));
    symlinkSync(path.join(outside, "private.jpg"), lib("album/private-link.jpg"));
    symlinkSync(lib(), lib("album/loop"));
    symlinkSync(lib("album/nowhere"), lib("album/broken.jpg"));
    await writeImage(lib("album/kept.jpg"));
    await writeImage(lib("@eaDir/thumb.jpg"));
    await writeImage(lib("album/cache.tmp.jpg"));
    await db.siteSettings.update({ where: { id: 1 }, data: { skipPatterns: "@eaDir\n*.tmp.jpg" } });
    const { stats, logs } = await scanOnce(lib());
    expect(stats.found).toBe(1);
    expect(await db.photo.findMany({ select: { fileName: true } })).toEqual([{ fileName: "kept.jpg" }]);
    expect(logs).toContain(`warn: symbolic link ${lib("album/escape")} leads outside the scan root; not followed`);
    expect(logs).toContain(`warn: symbolic link ${lib("album/private-link.jpg")} leads outside the scan root; not followed`);
    expect(logs.some((l) => l.includes("broken.jpg") && l.includes("broken"))).toBe(true);
  });

  it("makes one set of thumbnails per content however many files and users share it", async () => {
    await writeImage(lib("album/one.jpg"), { seed: 5 });
    await writeImage(lib("album/copy.jpg"), { seed: 5 });
    await scanOnce(lib());
    const rows = await db.photo.findMany({ select: { contentHash: true } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.contentHash).toBe(rows[1]!.contentHash);
    const dir = path.dirname(thumbnailPath(rows[0]!.contentHash!, "small"));
    expect(readdirSync(dir).filter((f) => f.startsWith(rows[0]!.contentHash!))).toHaveLength(2);
  });
});

describe("an unreadable folder", () => {
  it("is logged and the walk goes on (checked as an unprivileged user: root reads everything)", async () => {
    const { spawnSync } = await import("node:child_process");
    const { mkdtempSync } = await import("node:fs");
    const os = await import("node:os");
    // a temporary folder the other user can write to (tsx keeps its cache there)
    const tmp = mkdtempSync(path.join(os.tmpdir(), "folio-nobody-"));
    chmodSync(tmp, 0o777);
    await writeImage(lib("album/visible.jpg"));
    await writeImage(lib("locked/hidden.jpg"));
    chmodSync(lib("locked"), 0o000);
    // the library's temporary folders are private to root: let the other user in
    for (const p of [path.dirname(lib()), lib(), lib("album")]) chmodSync(p, 0o755);
    try {
      const asNobody = process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
      const run = spawnSync(
        asNobody[0] ?? process.execPath,
        [...asNobody.slice(1), ...(asNobody.length ? [process.execPath] : []), "--import", "tsx", "tests/support/walk-cli.ts", lib()],
        { encoding: "utf8", env: { ...process.env, TMPDIR: tmp } },
      );
      expect(run.status, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout) as { files: string[]; warnings: string[] };
      expect(out.files).toEqual([lib("album/visible.jpg")]);
      expect(out.warnings).toEqual([`cannot read folder ${lib("locked")}: EACCES; skipped`]);
    } finally {
      chmodSync(lib("locked"), 0o755);
      rmSync(lib("locked"), { recursive: true, force: true });
    }
  });
});

describe("reading a file found by the walk", () => {
  it("refuses one that has become a symlink leading outside the root since, or lies in a folder that has", async () => {
    const { openInsideRoot } = await import("~/server/scanner/open-file");
    const outside = outsideFolder();
    const secret = await writeImage(path.join(outside, "secret.jpg"));
    const innocent = await writeImage(lib("album/innocent.jpg"));
    const opened = await openInsideRoot(innocent, lib());
    expect((await opened.read()).equals(readFileSync(innocent))).toBe(true);
    await opened.close();
    rmSync(innocent);
    symlinkSync(secret, innocent);
    // the final name is never followed (O_NOFOLLOW)
    await expect(openInsideRoot(innocent, lib())).rejects.toMatchObject({ code: "ELOOP" });
    // and one inside the root that is a symlink is not followed either
    rmSync(innocent);
    symlinkSync(lib("album"), innocent);
    await expect(openInsideRoot(innocent, lib())).rejects.toBeTruthy();
    // a folder on the way swapped for a symlink to the outside: what was opened is checked
    await writeImage(lib("swap/inner.jpg"));
    renameSync(lib("swap"), lib("swap-was"));
    symlinkSync(outside, lib("swap"));
    await writeImage(path.join(outside, "inner.jpg"));
    await expect(openInsideRoot(lib("swap/inner.jpg"), lib())).rejects.toMatchObject({ code: "EOUTSIDE" });
  });

  it("gives every tool the file it opened, even when the name is swapped for a symlink afterwards", async () => {
    const { openInsideRoot } = await import("~/server/scanner/open-file");
    const { readTags } = await import("~/server/scanner/exiftool");
    const secret = await writeJpeg(path.join(outsideFolder(), "secret.jpg"), { tags: { Make: "Secret" } });
    const file = await writeJpeg(lib("album/mine.jpg"), { tags: { Make: "Mine" } });
    const mine = readFileSync(file);
    const opened = await openInsideRoot(file, lib());
    try {
      rmSync(file);
      symlinkSync(secret, file);
      expect((await opened.read()).equals(mine)).toBe(true);
      expect((await readTags(opened.alias))["IFD0:Make"]).toBe("Mine");
      expect(await opened.sha256()).toBe(createHash("sha256").update(mine).digest("hex"));
    } finally {
      await opened.close();
    }
    expect(existsSync(opened.alias)).toBe(false);
  });
});
