// The date a photo was taken from each source, XMP sidecars, and full rescans, scanned from real
// files made with Debian's tools (tests/support/media.ts), on both engines. How HEIC, RAW and the
// other formats are previewed is in photo-decoding.test.ts.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { snapshotTree } from "../support/images";
import { makeTree } from "../support/library";
import { exiftoolWrite, setMtime, sidecarPath, writeDng, writeHeic, writeJpeg, writeSidecar } from "../support/media";
import { photoByPath, scanOnce, asIndexedByAnOlderRelease } from "../support/scan";

let lib: (rel?: string) => string;
beforeEach(() => {
  lib = makeTree("phone");
});

// sorted here: the engines' collations order mixed case differently
const keywordsOf = async (id: string) => (await db.photoKeyword.findMany({ where: { photoId: id } })).map((k) => k.name).sort();

describe("the date a photo was taken, from real files", () => {
  it("dates each source with its instant and local time, and records the source", async () => {
    const mtime = new Date("2024-03-03T03:03:03Z");
    const files = {
      exif: await writeJpeg(lib("d/exif.jpg"), { tags: { DateTimeOriginal: "2021:01:02 03:04:05", SubSecTimeOriginal: "50", OffsetTimeOriginal: "+05:30" } }),
      xmp: await writeJpeg(lib("d/xmp.jpg"), { tags: { "XMP-exif:DateTimeOriginal": "2021:02:03 04:05:06-03:00" } }),
      createDate: await writeJpeg(lib("d/create.jpg"), { tags: { CreateDate: "2021:03:04 05:06:07", OffsetTimeDigitized: "+01:00" } }),
      iptc: await writeJpeg(lib("d/iptc.jpg"), { tags: { "IPTC:DateCreated": "2021:04:05", "IPTC:TimeCreated": "06:07:08+02:00" } }),
      gps: await writeJpeg(lib("d/gps.jpg"), { tags: { GPSDateStamp: "2020:02:13", GPSTimeStamp: "10:36:13" } }),
      whatsapp: await writeJpeg(lib("d/IMG-20220103-WA0007.jpg")),
      android: await writeJpeg(lib("d/IMG_20190704_123456.jpg")),
      file: await writeJpeg(lib("d/plain.jpg")),
      zero: await writeJpeg(lib("d/zero.jpg"), { tags: { "DateTimeOriginal#": "0000:00:00 00:00:00" } }),
    };
    for (const f of Object.values(files)) setMtime(f, mtime);
    await scanOnce(lib());
    const got = async (f: string) => {
      const p = (await photoByPath(f))!;
      return [p.takenAt!.toISOString(), p.takenAtLocal, p.takenAtOffset, p.takenAtSource];
    };
    expect(await got(files.exif)).toEqual(["2021-01-01T21:34:05.500Z", "2021-01-02T03:04:05", 330, "exif"]);
    expect(await got(files.xmp)).toEqual(["2021-02-03T07:05:06.000Z", "2021-02-03T04:05:06", -180, "xmp"]);
    expect(await got(files.createDate)).toEqual(["2021-03-04T04:06:07.000Z", "2021-03-04T05:06:07", 60, "exif"]);
    expect(await got(files.iptc)).toEqual(["2021-04-05T04:07:08.000Z", "2021-04-05T06:07:08", 120, "iptc"]);
    expect(await got(files.gps)).toEqual(["2020-02-13T10:36:13.000Z", "2020-02-13T10:36:13", null, "gps"]);
    expect(await got(files.whatsapp)).toEqual(["2022-01-03T00:00:00.000Z", "2022-01-03T00:00:00", null, "filename"]);
    expect(await got(files.android)).toEqual(["2019-07-04T12:34:56.000Z", "2019-07-04T12:34:56", null, "filename"]);
    expect(await got(files.file)).toEqual([mtime.toISOString(), "2024-03-03T03:03:03", null, "file"]);
    expect((await got(files.zero))[3]).toBe("file");
  });

  it("files the two month-boundary photos under the month where they were taken", async () => {
    const august = await writeJpeg(lib("d/august.jpg"), { tags: { DateTimeOriginal: "2024:08:01 00:30:00", OffsetTimeOriginal: "+02:00" } });
    const eve = await writeHeic(lib("d/eve.heic"), { tags: { DateTimeOriginal: "2023:12:31 23:30:00", OffsetTimeOriginal: "-08:00" } });
    await scanOnce(lib());
    const a = (await photoByPath(august))!;
    expect([a.takenAt!.toISOString(), a.takenAtLocal]).toEqual(["2024-07-31T22:30:00.000Z", "2024-08-01T00:30:00"]);
    const e = (await photoByPath(eve))!;
    expect([e.takenAt!.toISOString(), e.takenAtLocal]).toEqual(["2024-01-01T07:30:00.000Z", "2023-12-31T23:30:00"]);
  });

  it("infers the offset from the GPS time when the date has none", async () => {
    const f = await writeJpeg(lib("d/inferred.jpg"), { tags: { DateTimeOriginal: "2024:07:10 14:31:50", GPSDateStamp: "2024:07:10", GPSTimeStamp: "12:30:05" } });
    await scanOnce(lib());
    expect(await photoByPath(f)).toMatchObject({ takenAtOffset: 120, takenAtLocal: "2024-07-10T14:31:50", takenAt: new Date("2024-07-10T12:31:50Z") });
  });
});

describe("XMP sidecars", () => {
  it("reads a sidecar's date, rating, title, description and keywords over the file's, and never indexes it", async () => {
    const photo = await writeJpeg(lib("s/photo.jpg"), { tags: { DateTimeOriginal: "2020:01:01 10:00:00", "XMP:Rating": 1, "IPTC:Keywords": ["from-file"] } });
    writeSidecar(sidecarPath(photo), {
      date: "2015-06-07T08:09:10+01:00",
      rating: 4,
      title: "Lake",
      description: "Evening at the lake",
      keywords: ["lake", "evening"],
      hierarchicalKeywords: [["Places", "Switzerland", "Geneva"]],
    });
    const raw = await writeDng(lib("s/IMG_2.dng"));
    writeSidecar(sidecarPath(raw, "replace"), { rating: 5, keywords: ["raw-kw"] });
    const before = snapshotTree(lib());
    const { stats } = await scanOnce(lib());
    expect(stats.found).toBe(2);
    const p = (await photoByPath(photo))!;
    expect(p).toMatchObject({ takenAtSource: "sidecar", takenAtLocal: "2015-06-07T08:09:10", rating: 4, title: "Lake", description: "Evening at the lake" });
    expect(await keywordsOf(p.id)).toEqual(["Geneva", "evening", "lake"]);
    const r = (await photoByPath(raw))!;
    expect(r).toMatchObject({ rating: 5 });
    expect(await keywordsOf(r.id)).toEqual(["raw-kw"]);
    expect(await db.photo.count({ where: { fileName: { endsWith: ".xmp" } } })).toBe(0);
    expect(snapshotTree(lib())).toEqual(before);
  });

  it("re-reads a file whose sidecar alone changed, and ignores a damaged sidecar with a log line", async () => {
    const photo = await writeJpeg(lib("s/p.jpg"), { tags: { DateTimeOriginal: "2020:01:01 10:00:00" } });
    const side = writeSidecar(sidecarPath(photo), { rating: 2, keywords: ["one"] });
    await scanOnce(lib());
    const first = (await photoByPath(photo))!;
    expect(first.rating).toBe(2);

    writeSidecar(side, { rating: 5, keywords: ["two"], date: "2011-11-11T11:11:11Z" });
    setMtime(side, new Date(Date.now() + 5_000));
    const { stats } = await scanOnce(lib());
    expect(stats).toMatchObject({ unchanged: 0, updated: 1 });
    const second = (await photoByPath(photo))!;
    expect(second).toMatchObject({ id: first.id, rating: 5, takenAtSource: "sidecar", takenAtLocal: "2011-11-11T11:11:11" });
    expect(await keywordsOf(first.id)).toEqual(["two"]);
    expect((await scanOnce(lib())).stats).toMatchObject({ unchanged: 1, updated: 0 });

    writeFileSync(side, "<x:xmpmeta this is <<< not xml");
    setMtime(side, new Date(Date.now() + 10_000));
    const { logs } = await scanOnce(lib());
    expect(logs.some((l) => l.startsWith("warn: sidecar") && l.includes("ignored"))).toBe(true);
    const third = (await photoByPath(photo))!;
    expect(third).toMatchObject({ rating: null, takenAtSource: "exif", takenAtLocal: "2020-01-01T10:00:00", thumbnailState: "ready" });
  });
});

describe("a full rescan", () => {
  it("resumed after a kill, skips the files it re-read before, and re-reads the rest", async () => {
    const a = await writeJpeg(lib("f/a.jpg"), { tags: { DateTimeOriginal: "2020:01:01 10:00:00" } });
    const b = await writeJpeg(lib("f/b.jpg"), { tags: { DateTimeOriginal: "2020:01:01 10:00:00" } });
    for (const f of [a, b]) setMtime(f, new Date("2024-01-01T00:00:00Z"));
    await scanOnce(lib());
    const since = new Date();
    // the first attempt got as far as a.jpg
    await db.photo.update({ where: { path: a }, data: { cameraMake: "re-read" } });
    for (const f of [a, b]) await exiftoolWrite(f, { DateTimeOriginal: "2021:02:02 11:00:00" }, { keepMtime: true });
    const { stats } = await scanOnce(lib(), { full: { since } });
    expect(stats).toMatchObject({ unchanged: 1, updated: 1 });
    expect(await photoByPath(a)).toMatchObject({ cameraMake: "re-read", takenAtLocal: "2020-01-01T10:00:00" });
    expect(await photoByPath(b)).toMatchObject({ takenAtLocal: "2021-02-02T11:00:00" });
  });

  it("is not needed for rows indexed before dates had a source: a normal scan reads them once", async () => {
    const photo = await writeJpeg(lib("f/old.jpg"), { tags: { DateTimeOriginal: "2020:01:01 10:00:00" } });
    await scanOnce(lib());
    // as the migrations leave such a row: no date source, scanner version 0
    await db.photo.update({ where: { path: photo }, data: { takenAtSource: null, takenAtLocal: null, scannerVersion: 0 } });
    await asIndexedByAnOlderRelease();
    expect((await scanOnce(lib())).stats).toMatchObject({ unchanged: 0, updated: 1 });
    expect(await photoByPath(photo)).toMatchObject({ takenAtSource: "exif", takenAtLocal: "2020-01-01T10:00:00" });
    expect((await scanOnce(lib())).stats).toMatchObject({ unchanged: 1, updated: 0 });
  });

  it("picks up a date edited in place with size and mtime kept, which a normal rescan cannot see", async () => {
    const photo = await writeJpeg(lib("f/edited.jpg"), { tags: { DateTimeOriginal: "2020:01:01 10:00:00" } });
    // a whole second: exiftool -P keeps the mtime to the second
    const mtime = new Date("2024-01-01T00:00:00Z");
    setMtime(photo, mtime);
    await scanOnce(lib());
    const size = readFileSync(photo).length;
    await exiftoolWrite(photo, { DateTimeOriginal: "2021:02:02 11:00:00" }, { keepMtime: true });
    expect([readFileSync(photo).length, statSync(photo).mtimeMs]).toEqual([size, mtime.getTime()]);
    expect((await scanOnce(lib())).stats).toMatchObject({ unchanged: 1 });
    expect(await photoByPath(photo)).toMatchObject({ takenAtLocal: "2020-01-01T10:00:00" });
    const { stats, logs } = await scanOnce(lib(), { full: true });
    expect(stats).toMatchObject({ unchanged: 0, updated: 1 });
    expect(logs.some((l) => l.includes("full rescan"))).toBe(true);
    expect(await photoByPath(photo)).toMatchObject({ takenAtLocal: "2021-02-02T11:00:00" });
  });
});
