// The media generators of tests/support/media.ts make what they say: each file read back with
// exiftool (and, for what the scanner decodes, with heif-convert, djxl, sharp and
// exiftool-vendored). A missing tool fails with the Debian package to install; nothing is skipped.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { exiftool as vendored } from "exiftool-vendored";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  DEBIAN_PACKAGE,
  exiftoolRead,
  exiftoolWrite,
  magickCommand,
  MissingToolError,
  run,
  setMtime,
  sidecarPath,
  writeAnimatedGif,
  writeAnimatedWebp,
  writeBigJpeg,
  writeBmp,
  writeDng,
  writeHeic,
  writeJpeg,
  writeJxl,
  writePng,
  writeSidecar,
  writeTiff,
} from "../support/media";

let dir: string;
const at = (name: string) => path.join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "folio-media-fixtures-"));
});
afterAll(async () => {
  await vendored.end();
  rmSync(dir, { recursive: true, force: true });
});

/** The colour at (x, y) of a decoded image, as [r, g, b]. */
async function pixel(input: string | Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}
const near = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]!) <= 40);
const RED = [255, 0, 0];
const BLUE = [0, 0, 255];

/** Decodes a HEIC with heif-convert (native libheif) to a PNG and returns its path. */
async function heifDecode(file: string) {
  const out = `${file}.png`;
  await run("heif-convert", [file, out]);
  return out;
}

describe("the tools", () => {
  test("every command the generators run is installed (else: the Debian package to install)", async () => {
    const missing: string[] = [];
    for (const tool of ["exiftool", "heif-enc", "heif-convert", "cjxl", "djxl"]) {
      const onPath = (process.env.PATH ?? "").split(path.delimiter).some((d) => {
        try {
          return statSync(path.join(d, tool)).isFile();
        } catch {
          return false;
        }
      });
      if (!onPath) missing.push(`${tool} (apt-get install ${DEBIAN_PACKAGE[tool]})`);
    }
    await magickCommand().catch((e: Error) => missing.push(e.message));
    expect(missing, `missing: ${missing.join("; ")}`).toEqual([]);
  });

  test("a missing command names its Debian package", async () => {
    const error = await run("heif-enc-not-here", []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingToolError);
    expect(new MissingToolError("heif-enc").message).toContain("apt-get install libheif-examples");
  });
});

describe("JPEG", { timeout: 60_000 }, () => {
  test("writeJpeg: the size, and every tag written read back by exiftool", async () => {
    const file = await writeJpeg(at("tags.jpg"), {
      width: 120,
      height: 80,
      orientation: 6,
      tags: {
        DateTimeOriginal: "2024:08:01 00:30:00",
        OffsetTimeOriginal: "+02:00",
        Make: "Apple",
        Model: "iPhone 15",
        "IPTC:Keywords": ["beach", "sün"],
        "XMP:Subject": ["beach", "sea"],
        GPSDateStamp: "2020:02:13",
        GPSTimeStamp: "10:36:13",
      },
    });
    const t = await exiftoolRead(file, { numeric: true });
    expect(t).toMatchObject({
      "File:FileType": "JPEG",
      "File:ImageWidth": 120,
      "File:ImageHeight": 80,
      "IFD0:Orientation": 6,
      "IFD0:Make": "Apple",
      "IFD0:Model": "iPhone 15",
      "ExifIFD:DateTimeOriginal": "2024:08:01 00:30:00",
      "ExifIFD:OffsetTimeOriginal": "+02:00",
      "IPTC:Keywords": ["beach", "sün"],
      "XMP-dc:Subject": ["beach", "sea"],
      "GPS:GPSDateStamp": "2020:02:13",
      "GPS:GPSTimeStamp": "10:36:13",
    });
  });

  test("writeJpeg: the colours asked for, the top half apart; noise makes a photo-sized file", async () => {
    const file = await writeJpeg(at("halves.jpg"), { width: 40, height: 40, color: "blue", top: "red" });
    expect(near(await pixel(file, 20, 5), RED)).toBe(true);
    expect(near(await pixel(file, 20, 35), BLUE)).toBe(true);
    const noisy = await writeJpeg(at("noisy.jpg"), { width: 800, height: 600, noise: true, seed: 7 });
    const flat = await writeJpeg(at("flat.jpg"), { width: 800, height: 600 });
    expect(statSync(noisy).size).toBeGreaterThan(10 * statSync(flat).size);
  });

  test("exiftoolWrite keeps the modification time only with keepMtime; null deletes a tag", async () => {
    const file = await writeJpeg(at("mtime.jpg"), { tags: { Make: "Before" } });
    const old = new Date("2001-02-03T04:05:06Z");
    setMtime(file, old);
    expect(statSync(file).mtime.getTime()).toBe(old.getTime());
    await exiftoolWrite(file, { Make: "Kept" }, { keepMtime: true });
    expect(statSync(file).mtime.getTime()).toBe(old.getTime());
    expect((await exiftoolRead(file))["IFD0:Make"]).toBe("Kept");
    await exiftoolWrite(file, { Make: null });
    expect(statSync(file).mtime.getTime()).not.toBe(old.getTime());
    expect(await exiftoolRead(file)).not.toHaveProperty("IFD0:Make");
  });

  test("writeBigJpeg: 20000 x 20000 in well under 20 s", async () => {
    const started = performance.now();
    const file = await writeBigJpeg(at("big.jpg"));
    const seconds = (performance.now() - started) / 1000;
    const t = await exiftoolRead(file, { numeric: true });
    expect(t).toMatchObject({ "File:FileType": "JPEG", "File:ImageWidth": 20000, "File:ImageHeight": 20000 });
    expect(seconds, `took ${seconds.toFixed(1)} s`).toBeLessThan(20);
    rmSync(file);
  });
});

describe("HEIC", { timeout: 120_000 }, () => {
  test("writeHeic: a HEVC HEIC with EXIF and XMP read back by exiftool, decoded by heif-convert", async () => {
    const file = await writeHeic(at("phone.heic"), {
      width: 96,
      height: 64,
      color: "blue",
      top: "red",
      tags: { DateTimeOriginal: "2023:06:01 12:00:00", OffsetTimeOriginal: "-04:00", Make: "Apple", Model: "iPhone 15", "XMP:Subject": ["dog"] },
    });
    const t = await exiftoolRead(file, { numeric: true });
    expect(t).toMatchObject({
      "File:FileType": "HEIC",
      "File:ImageWidth": 96,
      "File:ImageHeight": 64,
      "QuickTime:BitDepthLuma": 8,
      "IFD0:Make": "Apple",
      "IFD0:Model": "iPhone 15",
      "ExifIFD:DateTimeOriginal": "2023:06:01 12:00:00",
      "ExifIFD:OffsetTimeOriginal": "-04:00",
      "XMP-dc:Subject": "dog",
    });
    const png = await heifDecode(file);
    expect(await sharp(png).metadata()).toMatchObject({ width: 96, height: 64 });
    expect(near(await pixel(png, 48, 8), RED)).toBe(true);
    expect(near(await pixel(png, 48, 56), BLUE)).toBe(true);
  });

  test("writeHeic with bitDepth 10: 10 bits per sample", async () => {
    const file = await writeHeic(at("ten.heic"), { width: 64, height: 64, bitDepth: 10, color: "red" });
    const t = await exiftoolRead(file, { numeric: true });
    expect(t).toMatchObject({ "File:FileType": "HEIC", "QuickTime:BitDepthLuma": 10, "QuickTime:BitDepthChroma": 10 });
    const png = await heifDecode(file);
    expect(await sharp(png).metadata()).toMatchObject({ width: 64, height: 64, depth: "ushort" });
    expect(near(await pixel(png, 10, 10), RED)).toBe(true);
  });

  test("writeHeic with a grid: tiles joined into the full picture, padding cropped", async () => {
    const file = await writeHeic(at("grid.heic"), { width: 200, height: 150, grid: { tileWidth: 64, tileHeight: 64 }, color: "blue", top: "red" });
    const t = await exiftoolRead(file, { numeric: true });
    expect(t).toMatchObject({ "File:FileType": "HEIC", "File:ImageWidth": 200, "File:ImageHeight": 150 });
    // ispe of the tiles (64x64) and of the grid (200x150)
    const { stdout } = await run("exiftool", ["-a", "-s3", "-n", "-ImageSpatialExtent", file]);
    expect(new Set(stdout.toString().trim().split("\n"))).toEqual(new Set(["64 64", "200 150"]));
    const png = await heifDecode(file);
    expect(await sharp(png).metadata()).toMatchObject({ width: 200, height: 150 });
    expect(near(await pixel(png, 190, 5), RED)).toBe(true);
    expect(near(await pixel(png, 190, 145), BLUE)).toBe(true);
    await expect(writeHeic(at("small-tiles.heic"), { width: 100, height: 100, grid: { tileWidth: 50, tileHeight: 50 } })).rejects.toThrow(/at least 64x64/);
  });

  test("writeHeic with irot and EXIF Orientation, as iPhones write: decoders turn it once", async () => {
    // stored landscape, red on top; irot 270 anticlockwise = Orientation 6 (90 clockwise)
    const file = await writeHeic(at("turned.heic"), {
      width: 128,
      height: 64,
      grid: { tileWidth: 64, tileHeight: 64 },
      rotation: 270,
      color: "blue",
      top: "red",
      tags: { "Orientation#": 6 },
    });
    const t = await exiftoolRead(file, { numeric: true }); // Rotation: irot's angle, in quarter turns
    // the four fields picked, so that a failure shows their values
    const picked = Object.fromEntries(["QuickTime:Rotation", "IFD0:Orientation", "File:ImageWidth", "File:ImageHeight"].map((k) => [k, t[k]]));
    expect(picked).toEqual({ "QuickTime:Rotation": 3, "IFD0:Orientation": 6, "File:ImageWidth": 128, "File:ImageHeight": 64 });
    const png = await heifDecode(file);
    expect(await sharp(png).metadata()).toMatchObject({ width: 64, height: 128 });
    expect(near(await pixel(png, 60, 64), RED)).toBe(true); // the top went right
    expect(near(await pixel(png, 4, 64), BLUE)).toBe(true);
    // the same without a grid: a rotated single image
    const single = await writeHeic(at("turned-single.heic"), { width: 80, height: 40, rotation: 90, color: "blue", top: "red" });
    const png2 = await heifDecode(single);
    expect(await sharp(png2).metadata()).toMatchObject({ width: 40, height: 80 });
    expect(near(await pixel(png2, 4, 40), RED)).toBe(true); // 90 anticlockwise: the top went left
  });
});

describe("DNG", { timeout: 60_000 }, () => {
  test("writeDng: a DNG exiftool reads, its preview extracted by exiftool and exiftool-vendored", async () => {
    const file = await writeDng(at("camera.dng"), {
      preview: { width: 120, height: 80, color: "blue", top: "red" },
      orientation: 6,
      make: "Canon",
      model: "EOS R5",
      tags: { DateTimeOriginal: "2022:12:24 18:00:00", OffsetTimeOriginal: "+01:00" },
    });
    const t = await exiftoolRead(file, { numeric: true });
    expect(t).toMatchObject({
      "File:FileType": "DNG",
      "IFD0:DNGVersion": "1 4 0 0",
      "IFD0:Make": "Canon",
      "IFD0:Model": "EOS R5",
      "IFD0:Orientation": 6,
      "ExifIFD:DateTimeOriginal": "2022:12:24 18:00:00",
      "ExifIFD:OffsetTimeOriginal": "+01:00",
      "SubIFD:ImageWidth": 120,
      "SubIFD:ImageHeight": 80,
      "SubIFD1:PhotometricInterpretation": 32803,
      "Composite:ImageSize": "120 80",
    });
    expect(t).toHaveProperty("SubIFD:PreviewImage");

    const { stdout } = await run("exiftool", ["-b", "-PreviewImage", file]);
    expect(await sharp(stdout).metadata()).toMatchObject({ format: "jpeg", width: 120, height: 80 });

    const preview = await vendored.extractBinaryTagToBuffer("PreviewImage", file);
    expect(await sharp(preview).metadata()).toMatchObject({ format: "jpeg", width: 120, height: 80 });
    // stored as the sensor saw it: red on top; Orientation 6 says to turn it 90 degrees clockwise
    expect(near(await pixel(preview, 60, 5), RED)).toBe(true);
    expect(near(await pixel(preview, 60, 75), BLUE)).toBe(true);
    const turned = await sharp(preview).rotate(90).toBuffer();
    expect(near(await pixel(turned, 75, 60), RED)).toBe(true);
    // and what exiftool-vendored reads as tags
    const tags = await vendored.read(file);
    expect(tags).toMatchObject({ MIMEType: "image/x-adobe-dng", Make: "Canon", Orientation: 6 });
  });

  test("writeDng with previewTag JpgFromRaw, and a large preview over a large raw", async () => {
    const file = await writeDng(at("adobe.dng"), { previewTag: "JpgFromRaw", preview: { width: 64, height: 64, color: "lime" } });
    const t = await exiftoolRead(file);
    expect(t).toHaveProperty("SubIFD2:JpgFromRaw");
    expect(t).not.toHaveProperty("SubIFD:PreviewImage");
    const jpg = await vendored.extractBinaryTagToBuffer("JpgFromRaw", file);
    expect(near(await pixel(jpg, 32, 5), RED)).toBe(true); // the default top half
    expect(near(await pixel(jpg, 32, 58), [0, 255, 0])).toBe(true);

    const big = await writeDng(at("big.dng"), { width: 4000, height: 3000, preview: { width: 4000, height: 3000, noise: true } });
    expect(statSync(big).size).toBeGreaterThan(12_000_000); // the raw: one byte per pixel
    const b = await exiftoolRead(big, { numeric: true });
    expect(b).toMatchObject({ "SubIFD1:ImageWidth": 4000, "SubIFD1:ImageHeight": 3000, "SubIFD:ImageWidth": 4000 });
    const preview = await vendored.extractBinaryTagToBuffer("PreviewImage", big);
    expect(await sharp(preview).metadata()).toMatchObject({ width: 4000, height: 3000 });
    expect(preview.length).toBeGreaterThan(300_000); // grain: a photo-sized preview
    rmSync(big);
  });
});

describe("other formats", { timeout: 60_000 }, () => {
  test("writePng and writeTiff: size, colour and tags", async () => {
    const png = await writePng(at("a.png"), { width: 30, height: 20, color: "lime", tags: { DateTimeOriginal: "2019:01:01 10:00:00" } });
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: 30, height: 20, channels: 3 });
    expect(near(await pixel(png, 5, 5), [0, 255, 0])).toBe(true);
    expect((await exiftoolRead(png))["ExifIFD:DateTimeOriginal"]).toBe("2019:01:01 10:00:00");

    const tiff = await writeTiff(at("a.tiff"), { width: 30, height: 20, color: "red", tags: { DateTimeOriginal: "2019:01:02 10:00:00", Make: "Scanner" } });
    expect(await sharp(tiff).metadata()).toMatchObject({ format: "tiff", width: 30, height: 20 });
    expect(near(await pixel(tiff, 5, 5), RED)).toBe(true);
    expect(await exiftoolRead(tiff)).toMatchObject({ "ExifIFD:DateTimeOriginal": "2019:01:02 10:00:00", "IFD0:Make": "Scanner", "IFD0:Compression": "LZW" });
  });

  test("writeBmp: a Windows 3 BMP, 24-bit", async () => {
    const file = await writeBmp(at("a.bmp"), { width: 30, height: 20, color: "red" });
    expect(readFileSync(file).subarray(0, 2).toString("latin1")).toBe("BM");
    const t = await exiftoolRead(file, { numeric: true });
    expect(t).toMatchObject({ "File:FileType": "BMP", "File:BMPVersion": 40, "File:ImageWidth": 30, "File:ImageHeight": 20, "File:BitDepth": 24, "File:Compression": 0 });
  });

  test("writeJxl: a JPEG XL container with EXIF, decoded by djxl", async () => {
    const file = await writeJxl(at("a.jxl"), { width: 48, height: 32, color: "red", tags: { DateTimeOriginal: "2021:03:04 05:06:07", Make: "Jxl" } });
    const t = await exiftoolRead(file, { numeric: true });
    expect(t).toMatchObject({ "File:FileType": "JXL", "File:ImageWidth": 48, "File:ImageHeight": 32, "ExifIFD:DateTimeOriginal": "2021:03:04 05:06:07", "IFD0:Make": "Jxl" });
    await run("djxl", [file, at("a-jxl.png")]);
    expect(await sharp(at("a-jxl.png")).metadata()).toMatchObject({ width: 48, height: 32 });
    expect(near(await pixel(at("a-jxl.png"), 4, 4), RED)).toBe(true);
  });

  test("writeAnimatedGif and writeAnimatedWebp: every frame, with its delay", async () => {
    const frames = [{ color: "red", delayMs: 200 }, { color: "lime" }, { color: "blue", delayMs: 500 }];
    const gif = await writeAnimatedGif(at("a.gif"), frames, { width: 20, height: 10 });
    expect(await sharp(gif).metadata()).toMatchObject({ format: "gif", width: 20, height: 10, pages: 3, delay: [200, 100, 500], loop: 0 });
    expect((await exiftoolRead(gif, { numeric: true }))["GIF:FrameCount"]).toBe(3);
    const webp = await writeAnimatedWebp(at("a.webp"), frames, { width: 20, height: 10 });
    expect(await sharp(webp).metadata()).toMatchObject({ format: "webp", width: 20, height: 10, pages: 3, delay: [200, 100, 500], loop: 0 });
    const second = await sharp(webp, { page: 1 }).raw().toBuffer();
    expect(near([second[0]!, second[1]!, second[2]!], [0, 255, 0])).toBe(true);
  });
});

describe("XMP sidecars and file times", { timeout: 30_000 }, () => {
  test("writeSidecar: exiftool reads every field back", async () => {
    const file = writeSidecar(sidecarPath(at("IMG_0001.JPG")), {
      date: "2024-08-01T00:30:00+02:00",
      rating: 4,
      title: "At the beach <3",
      description: "Sand & sun",
      keywords: ["beach", "été"],
      hierarchicalKeywords: [
        ["Places", "France", "Nice"],
        ["People", "Ann"],
      ],
    });
    expect(file).toBe(at("IMG_0001.JPG.xmp"));
    expect(sidecarPath(at("IMG_0001.JPG"), "replace")).toBe(at("IMG_0001.xmp"));
    const t = await exiftoolRead(file);
    expect(t).toMatchObject({
      "File:FileType": "XMP",
      "XMP-exif:DateTimeOriginal": "2024:08:01 00:30:00+02:00",
      "XMP-xmp:CreateDate": "2024:08:01 00:30:00+02:00",
      "XMP-photoshop:DateCreated": "2024:08:01 00:30:00+02:00",
      "XMP-xmp:Rating": 4,
      "XMP-dc:Title": "At the beach <3",
      "XMP-dc:Description": "Sand & sun",
      "XMP-dc:Subject": ["beach", "été"],
      "XMP-lr:HierarchicalSubject": ["Places|France|Nice", "People|Ann"],
      "XMP-digiKam:TagsList": ["Places/France/Nice", "People/Ann"],
    });
    // one date field alone, and nothing else
    const only = writeSidecar(at("only.xmp"), { date: "2010-05-06T07:08:09", dateFields: ["photoshop:DateCreated"] });
    const o = await exiftoolRead(only);
    expect(o["XMP-photoshop:DateCreated"]).toBe("2010:05:06 07:08:09");
    expect(Object.keys(o).filter((k) => k.startsWith("XMP-") && k !== "XMP-x:XMPToolkit")).toEqual(["XMP-photoshop:DateCreated"]);
  });

  test("setMtime sets the modification time", async () => {
    const file = await writePng(at("old.png"));
    const when = new Date("1999-12-31T23:59:58Z");
    setMtime(file, when);
    expect(statSync(file).mtime.toISOString()).toBe(when.toISOString());
  });
});
