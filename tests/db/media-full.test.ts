// GET /api/media/<id>/full (issue 16): the viewer's zoom at full resolution. Formats browsers
// decode go out as the original; HEIC, RAW, TIFF, JPEG XL and BMP as a JPEG of every pixel, made
// once per content by the scanner's decoders, turned upright, kept in STATE_DIR/full-size under
// a size cap (least recently viewed first out). Real files made by Debian's tools.
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { Writable } from "node:stream";
import sharp from "sharp";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { serveFull, serveOriginal } from "~/server/api/http/media";
import { db } from "~/server/db";
import { fullSizeDir, fullSizePath, sweepFullSizeCache } from "~/server/scanner/full-size";
import { makeTree } from "../support/library";
import { writeBmp, writeDng, writeHeic, writeJpeg, writeJxl, writeTiff } from "../support/media";
import { scanOnce } from "../support/scan";
import { makeUser } from "../support/users";
import { writeVideo } from "../support/video";

let lib: (rel?: string) => string;
let alice: { id: string; scanPaths: string[] };
let bob: { id: string; scanPaths: string[] };

// red over blue, stored as the sensor saw it and marked "turn 90 degrees clockwise to view"
const SIDEWAYS = { width: 96, height: 64, color: "blue", top: "red" } as const;

// the files once (a test that changes one says so); the index, users and kept copies per test
beforeAll(async () => {
  lib = makeTree("alice", "alice2");
  await writeJpeg(lib("alice/photo.jpg"), { width: 64, height: 48 });
  await writeHeic(lib("alice/phone.heic"), { ...SIDEWAYS, rotation: 270, tags: { "Orientation#": 6 } });
  await writeTiff(lib("alice/scan.tif"), { ...SIDEWAYS, tags: { "Orientation#": 6 } });
  await writeDng(lib("alice/camera.dng"), { preview: SIDEWAYS, orientation: 6 });
  await writeJxl(lib("alice/art.jxl"), { width: 80, height: 60, color: "green" });
  await writeBmp(lib("alice/old.bmp"), { width: 70, height: 50, color: "yellow" });
  await writeVideo(lib("alice/clip.mp4"), { seconds: 1 });
  await writeJpeg(lib("alice2/theirs.jpg"), { color: "white" });
});

beforeEach(async () => {
  rmSync(fullSizeDir(), { recursive: true, force: true });
  await scanOnce(lib());
  alice = { id: (await makeUser({ scanPath: lib("alice") })).id, scanPaths: [lib("alice")] };
  bob = { id: (await makeUser({ scanPath: lib("alice2") })).id, scanPaths: [lib("alice2")] };
});

const photoOf = (rel: string) => db.photo.findUniqueOrThrow({ where: { path: lib(rel) } });

/** The image's size and the colour (red, green, blue) at a point. */
async function look(body: Buffer, x: number, y: number) {
  const { data, info } = await sharp(body).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return { format: (await sharp(body).metadata()).format, width: info.width, height: info.height, rgb: [data[at]!, data[at + 1]!, data[at + 2]!] };
}

const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;
const isBlue = ([r, g, b]: number[]) => r! < 60 && g! < 60 && b! > 200;

it("sends the original of a JPEG, PNG, WebP, GIF or AVIF as it is", async () => {
  const photo = await photoOf("alice/photo.jpg");
  const full = await serveFull(alice, photo.id, null, null);
  const original = await serveOriginal(alice, photo.id, null, null);
  expect(full.status).toBe(200);
  expect(full.headers.get("content-type")).toBe("image/jpeg");
  expect(full.headers.get("etag")).toBe(original.headers.get("etag"));
  expect(Buffer.from(await full.arrayBuffer()).equals(readFileSync(lib("alice/photo.jpg")))).toBe(true);
  expect(existsSync(fullSizePath(photo.contentHash!))).toBe(false);
});

it("makes an upright full-size JPEG of a HEIC, a RAW's preview and a TIFF once, and of JPEG XL and BMP", async () => {
  for (const rel of ["alice/phone.heic", "alice/scan.tif", "alice/camera.dng"]) {
    const photo = await photoOf(rel);
    const res = await serveFull(alice, photo.id, null, null);
    expect(res.status, rel).toBe(200);
    expect(res.headers.get("content-type"), rel).toBe("image/jpeg");
    expect(res.headers.get("content-disposition"), rel).toBe(`inline; filename*=UTF-8''${photo.fileName.replace(/\.\w+$/, ".jpg")}`);
    expect(res.headers.get("x-content-type-options"), rel).toBe("nosniff");
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get("content-length"), rel).toBe(String(body.length));
    // turned a quarter clockwise: every pixel, 64 wide and 96 high, the red top now on the right
    const right = await look(body, 56, 48);
    expect(right, rel).toMatchObject({ format: "jpeg", width: 64, height: 96 });
    expect(isRed(right.rgb), `${rel}: ${right.rgb}`).toBe(true);
    expect(isBlue((await look(body, 8, 48)).rgb), rel).toBe(true);
    // kept by content, and the second answer is that file, with its ETag
    const kept = fullSizePath(photo.contentHash!);
    expect(readFileSync(kept).equals(body), rel).toBe(true);
    const before = statSync(kept);
    utimesSync(kept, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const again = await serveFull(alice, photo.id, null, null);
    expect(Buffer.from(await again.arrayBuffer()).equals(body), rel).toBe(true);
    expect(statSync(kept).ino, rel).toBe(before.ino);
    // a hit marks it recently used
    expect(statSync(kept).mtimeMs, rel).toBeGreaterThan(new Date(2001, 0, 1).getTime());
    expect((await serveFull(alice, photo.id, null, again.headers.get("etag"))).status, rel).toBe(304);
    expect((await serveFull(alice, photo.id, "bytes=0-99", null)).status, rel).toBe(206);
  }
  for (const [rel, size, check] of [
    ["alice/art.jxl", { width: 80, height: 60 }, ([r, g, b]: number[]) => r! < 60 && g! > 100 && b! < 60],
    ["alice/old.bmp", { width: 70, height: 50 }, ([r, g, b]: number[]) => r! > 200 && g! > 200 && b! < 60],
  ] as const) {
    const res = await serveFull(alice, (await photoOf(rel)).id, null, null);
    const seen = await look(Buffer.from(await res.arrayBuffer()), 10, 10);
    expect(seen, rel).toMatchObject({ format: "jpeg", ...size });
    expect(check(seen.rgb), `${rel}: ${seen.rgb}`).toBe(true);
  }
});

it("answers another user's photo, a video and a file changed since its scan with NOT_FOUND, and 401 without a session", async () => {
  const heic = await photoOf("alice/phone.heic");
  await expect(serveFull(bob, heic.id, null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(serveFull(alice, (await photoOf("alice2/theirs.jpg")).id, null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(serveFull(alice, (await photoOf("alice/clip.mp4")).id, null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
  // other bytes than the scan hashed are never kept under its hash (the next test scans it again)
  const tiff = await photoOf("alice/scan.tif");
  appendFileSync(lib("alice/scan.tif"), "more bytes");
  await expect(serveFull(alice, tiff.id, null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(existsSync(fullSizePath(tiff.contentHash!))).toBe(false);

  const { mediaRoute } = await import("~/server/api/http/media");
  const res = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { statusCode: 0, setHeader: () => {} });
  await mediaRoute({ method: "GET", query: { id: heic.id, kind: "full" }, headers: {}, cookies: {} } as never, res as never);
  expect(res.statusCode).toBe(401);
});

it("keeps the cache under its cap by dropping the least recently viewed copies", async () => {
  const [heic, tiff, dng] = await Promise.all(["alice/phone.heic", "alice/scan.tif", "alice/camera.dng"].map(photoOf));
  for (const p of [heic!, tiff!, dng!]) await serveFull(alice, p.id, null, null);
  const kept = [heic!, tiff!, dng!].map((p) => fullSizePath(p.contentHash!));
  // viewed in this order long ago, then the HEIC again now
  kept.forEach((file, i) => utimesSync(file, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i)));
  await serveFull(alice, heic!.id, null, null);
  const sizes = kept.map((f) => statSync(f).size);
  // room for two: the oldest (the TIFF) goes, then the DNG to reach 90% of the cap
  const removed = await sweepFullSizeCache({ force: true, capBytes: sizes[0]! + sizes[2]! });
  expect(kept.map(existsSync)).toEqual([true, false, false]);
  expect(removed).toBe(sizes[1]! + sizes[2]!);
  // under the cap: nothing goes
  expect(await sweepFullSizeCache({ force: true, capBytes: 10 * 1024 ** 2 })).toBe(0);
  expect(existsSync(kept[0]!)).toBe(true);
});
