// Every photo a phone or camera makes, previewed from real files made with Debian's tools
// (tests/support/media.ts): HEIC (native and WASM decoders), RAW, JPEG XL, BMP, animations, a
// huge image, odd names and numbers. On SQLite only (vitest.config.ts): decoding does not depend
// on the database (it cost the PostgreSQL half of a CPU-bound CI run about 40 s); dates, XMP
// sidecars and full rescans, which are stored and compared in the database, are in
// phone-photos.test.ts on both engines.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { readTags } from "~/server/scanner/exiftool";
import { decodeHeif } from "~/server/scanner/heif";
import { scratchDir } from "~/server/scanner/open-file";
import { thumbnailPath } from "~/server/scanner/thumbnails";
import { snapshotTree } from "../support/images";
import { makeTree } from "../support/library";
import {
  magickCommand,
  run,
  writeAnimatedGif,
  writeAnimatedWebp,
  writeBigJpeg,
  writeBmp,
  writeDng,
  writeHeic,
  writeJpeg,
  writeJxl,
} from "../support/media";
import { photoByPath, scanOnce } from "../support/scan";

let lib: (rel?: string) => string;
beforeEach(() => {
  lib = makeTree("phone");
});

// sorted here: the engines' collations order mixed case differently
const keywordsOf = async (id: string) => (await db.photoKeyword.findMany({ where: { photoId: id } })).map((k) => k.name).sort();

/** The colour at the centre of the top and bottom quarters of a thumbnail: which way up it is. */
async function topAndBottom(contentHash: string) {
  const { data, info } = await sharp(thumbnailPath(contentHash, "large")).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y: number) => {
    const i = (Math.floor(y) * info.width + Math.floor(info.width / 2)) * 3;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  return { top: at(info.height / 4), bottom: at((info.height * 3) / 4), width: info.width, height: info.height };
}
const isRed = ([r, g, b]: number[]) => r! > 180 && g! < 80 && b! < 80;
const isBlue = ([r, , b]: number[]) => b! > 150 && r! < 80;

describe("phone photos", () => {
  it("previews a HEIC from a phone and reads its EXIF date, camera and GPS", async () => {
    const file = await writeHeic(lib("phone/IMG_0001.HEIC"), {
      width: 320,
      height: 240,
      tags: {
        DateTimeOriginal: "2024:08:01 00:30:00",
        OffsetTimeOriginal: "+02:00",
        Make: "Apple",
        Model: "iPhone 13",
        GPSLatitude: 48.8566,
        GPSLatitudeRef: "N",
        GPSLongitude: 2.3522,
        GPSLongitudeRef: "E",
        "XMP:Subject": ["Paris", "Holiday"],
      },
    });
    const before = snapshotTree(lib());
    const { stats, logs } = await scanOnce(lib());
    expect(stats).toMatchObject({ found: 1, added: 1, noPreview: 0 });
    expect(logs.filter((l) => l.startsWith("warn"))).toEqual([]);
    const p = (await photoByPath(file))!;
    expect(p).toMatchObject({
      mime: "image/heic",
      mediaType: "photo",
      width: 320,
      height: 240,
      thumbnailState: "ready",
      takenAtLocal: "2024-08-01T00:30:00",
      takenAtOffset: 120,
      takenAtSource: "exif",
      cameraMake: "Apple",
      cameraModel: "iPhone 13",
    });
    expect(p.takenAt!.toISOString()).toBe("2024-07-31T22:30:00.000Z");
    expect(p.latitude).toBeCloseTo(48.8566, 3);
    expect(p.longitude).toBeCloseTo(2.3522, 3);
    expect(await keywordsOf(p.id)).toEqual(["Holiday", "Paris"]);
    expect(await sharp(thumbnailPath(p.contentHash!, "large")).metadata()).toMatchObject({ format: "webp", width: 320, height: 240 });
    expect(snapshotTree(lib())).toEqual(before); // nothing written into the library
    expect(readdirSync(scratchDir())).toEqual([]); // no alias or decoded file left behind
  });

  it("decodes HEIC the same with the native tool and the WASM decoder: 10-bit, grid, rotated", async () => {
    const tenBit = await writeHeic(lib("phone/ten.heic"), { width: 128, height: 96, bitDepth: 10, color: "#cc3333" });
    const grid = await writeHeic(lib("phone/grid.heic"), { width: 200, height: 150, grid: { tileWidth: 64, tileHeight: 64 }, color: "blue", top: "red" });
    // stored as the sensor saw it, turned 90 degrees clockwise for viewing (irot 270)
    const turned = await writeHeic(lib("phone/turned.heic"), { width: 160, height: 96, rotation: 270, color: "blue", top: "red", tags: { "Orientation#": 6 } });
    for (const via of ["native", "wasm"] as const) {
      for (const [file, w, h] of [[tenBit, 128, 96], [grid, 200, 150], [turned, 96, 160]] as const) {
        const image = await decodeHeif(file, via);
        const meta = await (image.kind === "pixels" ? sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } }) : sharp(image.data)).metadata();
        expect([via, file, meta.width, meta.height]).toEqual([via, file, w, h]);
      }
    }
    await scanOnce(lib());
    const g = (await photoByPath(grid))!;
    expect(g).toMatchObject({ width: 200, height: 150, thumbnailState: "ready" });
    const gridColours = await topAndBottom(g.contentHash!);
    expect(isRed(gridColours.top) && isBlue(gridColours.bottom)).toBe(true);
    const t = (await photoByPath(turned))!;
    expect(t).toMatchObject({ width: 96, height: 160 });
    // turned once (by the HEIF transform), not a second time by the EXIF tag
    expect(await topAndBottom(t.contentHash!)).toMatchObject({ width: 96, height: 160 });
  });

  it("previews a DNG from its embedded JPEG, turned as the camera says", async () => {
    const file = await writeDng(lib("phone/raw.dng"), {
      width: 64,
      height: 48,
      preview: { width: 160, height: 120, color: "blue", top: "red" },
      orientation: 6,
      make: "Canon",
      model: "EOS R5",
      tags: { DateTimeOriginal: "2022:03:04 05:06:07" },
    });
    const jpgFromRaw = await writeDng(lib("phone/other.dng"), { preview: { width: 120, height: 80, color: "blue", top: "red" }, previewTag: "JpgFromRaw" });
    const { logs } = await scanOnce(lib());
    expect(logs.filter((l) => l.startsWith("warn"))).toEqual([]);
    const p = (await photoByPath(file))!;
    expect(p).toMatchObject({ mime: "image/x-adobe-dng", cameraMake: "Canon", cameraModel: "EOS R5", takenAtLocal: "2022-03-04T05:06:07", takenAtSource: "exif" });
    // the 160x120 preview turned 90 degrees clockwise: 120x160, its red top now on the right
    expect(p).toMatchObject({ width: 120, height: 160, thumbnailState: "ready" });
    const { data, info } = await sharp(thumbnailPath(p.contentHash!, "large")).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect([info.width, info.height]).toEqual([120, 160]);
    expect(isRed(px(info.width - 10, 80))).toBe(true);
    expect(isBlue(px(10, 80))).toBe(true);
    expect(await photoByPath(jpgFromRaw)).toMatchObject({ width: 120, height: 80, thumbnailState: "ready" });
  });

  it("previews JPEG XL, BMP, and flags animated GIF and WebP (tiles show the first frame)", async () => {
    const jxl = await writeJxl(lib("phone/pic.jxl"), { width: 80, height: 60, color: "red" });
    const bmp = await writeBmp(lib("phone/paint.bmp"), { width: 40, height: 30, color: "red" });
    const gif = await writeAnimatedGif(lib("phone/anim.gif"), [{ color: "red" }, { color: "blue" }, { color: "lime" }]);
    const webp = await writeAnimatedWebp(lib("phone/anim.webp"), [{ color: "red" }, { color: "blue" }]);
    const still = await writeJpeg(lib("phone/still.jpg"));
    const { stats } = await scanOnce(lib());
    expect(stats).toMatchObject({ found: 5, noPreview: 0 });
    expect(await photoByPath(jxl)).toMatchObject({ mime: "image/jxl", width: 80, height: 60, animated: false });
    expect(await photoByPath(bmp)).toMatchObject({ mime: "image/bmp", width: 40, height: 30 });
    for (const f of [jxl, bmp]) {
      const { top } = await topAndBottom((await photoByPath(f))!.contentHash!);
      expect(isRed(top)).toBe(true);
    }
    const g = (await photoByPath(gif))!;
    expect(g).toMatchObject({ animated: true, width: 32, height: 24 });
    expect(isRed((await topAndBottom(g.contentHash!)).top)).toBe(true);
    expect(await photoByPath(webp)).toMatchObject({ animated: true });
    expect(await photoByPath(still)).toMatchObject({ animated: false });
  });

  it("previews a 20000 x 20000 JPEG", { timeout: 120_000 }, async () => {
    const file = await writeBigJpeg(lib("phone/panorama.jpg"), 20_000, 20_000);
    const { stats } = await scanOnce(lib(), { concurrency: 1 });
    expect(stats.noPreview).toBe(0);
    const p = (await photoByPath(file))!;
    expect(p).toMatchObject({ width: 20_000, height: 20_000, thumbnailState: "ready" });
    expect(await sharp(thumbnailPath(p.contentHash!, "large")).metadata()).toMatchObject({ width: 1280, height: 1280 });
  });

  it("skips a name holding a line break, which would otherwise pass options to ExifTool", async () => {
    const evil = lib("phone/a\n-if\nsystem(q{touch folio-pwned})||1\nb.jpg");
    await writeJpeg(lib("phone/a.jpg"));
    writeFileSync(evil, readFileSync(lib("phone/a.jpg")));
    const { stats, logs } = await scanOnce(lib());
    expect(stats.found).toBe(1);
    expect(logs.some((l) => l.startsWith("warn: name holds a line break"))).toBe(true);
    expect(existsSync(path.join(process.cwd(), "folio-pwned"))).toBe(false);
    await expect(readTags(evil)).rejects.toThrow(/control character/);
  });

  it("indexes a file whose numbers do not fit their columns, leaving those empty", async () => {
    const odd = await writeJpeg(lib("phone/odd.jpg"), { tags: { "XMP-exif:ISO": 3000000000, "XMP-xmp:Rating": 2.5, "Orientation#": 9 } });
    const { stats } = await scanOnce(lib());
    expect(stats).toMatchObject({ found: 1, added: 1 });
    expect(await photoByPath(odd)).toMatchObject({ iso: null, rating: null, orientation: null, thumbnailState: "ready" });
  });

  it("does not take a multi-page TIFF for an animation", async () => {
    const tiff = lib("phone/pages.tif");
    await run(await magickCommand(), ["-size", "40x30", "xc:red", "xc:blue", `TIFF:${tiff}`]);
    const { stats } = await scanOnce(lib());
    expect(stats.noPreview).toBe(0);
    expect(await photoByPath(tiff)).toMatchObject({ animated: false, width: 40, height: 30 });
  });

  it("logs a file it cannot decode with the reason in plain words, and goes on", async () => {
    writeFileSync(lib("phone/broken.heic"), "not a heic at all");
    writeFileSync(lib("phone/broken.jpg"), readFileSync(await writeJpeg(lib("phone/tmp.jpg"), { width: 300, height: 200, noise: true })).subarray(0, 400));
    const fine = await writeJpeg(lib("phone/fine.jpg"));
    const { stats, logs } = await scanOnce(lib());
    expect(stats).toMatchObject({ found: 4, added: 4, noPreview: 2 });
    const broken = (await photoByPath(lib("phone/broken.heic")))!;
    expect(broken).toMatchObject({ thumbnailState: "failed" });
    expect(broken.thumbnailError).toMatch(/damaged|not in an image format/);
    expect((await photoByPath(lib("phone/broken.jpg")))!.thumbnailError).toMatch(/damaged or incomplete/);
    expect(logs.some((l) => l.startsWith("warn: no preview for") && l.includes("broken.heic"))).toBe(true);
    expect(await photoByPath(fine)).toMatchObject({ thumbnailState: "ready" });
  });
});
