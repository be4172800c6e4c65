// The face detector (issue 19) on real photos: the six group photos of @vladmandic/face-api's
// demo (a devDependency, MIT), read from node_modules and never copied into the repository. Each
// is first made into a 1280 px WebP preview as the scanner makes it. One thread, so one load of
// the models, serves the whole file.
import { existsSync, statSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACE_CROP_SIZE, makeFaceCrop } from "~/server/scanner/face-crop";
import { closeFaceDetector, detectFaces, FACE_MODELS, type DetectedFace } from "~/server/scanner/face-detector";
import { faceSimilarity } from "~/server/scanner/face-embedding";

const require = createRequire(import.meta.url);
const demo = path.join(path.dirname(require.resolve("@vladmandic/face-api/package.json")), "demo");
const humanDir = path.dirname(path.dirname(require.resolve("@vladmandic/human")));

const SLOW = 60_000; // the machine may be busy: detection is 0.3-0.6 s a photo alone, more then
let dir = "";

/** A 1280 px WebP preview of a demo photo, as thumbnails.ts makes the large one. */
async function preview(name: string) {
  const file = path.join(dir, name.replace(/\.jpg$/, ".webp"));
  await sharp(path.join(demo, name)).rotate().resize(1280, 1280, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80, effort: 2 }).toFile(file);
  return file;
}

const centre = (f: DetectedFace) => ({ x: f.box.x + f.box.width / 2, y: f.box.y + f.box.height / 2 });
const holds = (f: DetectedFace, p: { x: number; y: number }) => p.x >= f.box.x && p.x <= f.box.x + f.box.width && p.y >= f.box.y && p.y <= f.box.y + f.box.height;

// sample6.jpg: four women standing side by side. Their noses, read off the photo by eye
// (fractions of its width and height), left to right.
const NOSES_6 = [
  { x: 0.19, y: 0.42 },
  { x: 0.385, y: 0.32 },
  { x: 0.66, y: 0.3 },
  { x: 0.815, y: 0.28 },
];

let sample6 = "";
let faces6: DetectedFace[] = [];
/** Head and shoulders of sample6's second woman (three times her face's box), resized to
 *  480 px: one face, at another scale and place. */
let onePerson = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "folio-faces-"));
  sample6 = await preview("sample6.jpg");
  faces6 = (await detectFaces(sample6)).sort((a, b) => a.box.x - b.box.x);
  const her = faces6[1];
  if (!her) return;
  const { width = 0, height = 0 } = await sharp(sample6).metadata();
  const side = Math.round(3 * her.box.width * width);
  const left = Math.max(0, Math.round(centre(her).x * width - side / 2));
  const top = Math.max(0, Math.round(centre(her).y * height - side / 2));
  onePerson = path.join(dir, "one-person.jpg");
  await sharp(sample6).extract({ left, top, width: Math.min(side, width - left), height: Math.min(side, height - top) }).resize(480).jpeg({ quality: 85 }).toFile(onePerson);
}, SLOW);

afterAll(async () => {
  await closeFaceDetector();
  await rm(dir, { recursive: true, force: true });
});

describe("detectFaces", () => {
  it("finds the four faces of four people standing, each box on one face, in the upper half", () => {
    expect(faces6).toHaveLength(4);
    for (const f of faces6) {
      for (const v of [f.box.x, f.box.y, f.box.width, f.box.height]) expect(v).toBeGreaterThanOrEqual(0);
      expect(f.box.x + f.box.width).toBeLessThanOrEqual(1);
      expect(f.box.y + f.box.height).toBeLessThanOrEqual(1);
      // a face of a group photo: brow to chin is a tenth to a fifth of the picture
      expect(f.box.width).toBeGreaterThan(0.05);
      expect(f.box.width).toBeLessThan(0.2);
      expect(centre(f).y).toBeLessThan(0.5);
      expect(f.score).toBeGreaterThan(0.5);
      expect(f.score).toBeLessThanOrEqual(1);
    }
    // each nose lies in exactly one box, and each box holds one nose: left to right, in order
    NOSES_6.forEach((nose, i) => {
      expect(faces6.filter((f) => holds(f, nose))).toEqual([faces6[i]]);
    });
  });

  it("gives L2-normalised embeddings of 1,024 values", () => {
    for (const f of faces6) {
      expect(f.embedding).toBeInstanceOf(Float32Array);
      expect(f.embedding).toHaveLength(1024);
      expect(Math.hypot(...f.embedding)).toBeCloseTo(1, 4);
    }
  });

  it("finds the five faces of five people on a staircase, one of them low in the frame", async () => {
    const faces = await detectFaces(await preview("sample5.jpg"));
    expect(faces).toHaveLength(5);
    expect(faces.filter((f) => centre(f).y > 0.5)).toHaveLength(1);
  }, SLOW);

  it("finds the same face again in a crop of one person, far closer than two people of one photo", async () => {
    const again = await detectFaces(onePerson);
    expect(again).toHaveLength(1);
    const same = faceSimilarity(again[0]!.embedding, faces6[1]!.embedding);
    const others: number[] = [];
    for (let i = 0; i < faces6.length; i++) for (let j = i + 1; j < faces6.length; j++) others.push(faceSimilarity(faces6[i]!.embedding, faces6[j]!.embedding));
    // measured here: same 0.94, different people of this photo 0.44-0.62
    console.log(`same person ${same.toFixed(3)}; different people ${others.map((s) => s.toFixed(3)).join(", ")}`);
    expect(same).toBeGreaterThan(0.85);
    expect(Math.max(...others)).toBeLessThan(0.7);
    expect(same - Math.max(...others)).toBeGreaterThan(0.2);
  }, SLOW);

  it("gives [] for an image without a face, and answers concurrent calls each with its own faces", async () => {
    const [w, h] = [1280, 853];
    const pixels = Buffer.alloc(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels.set([(255 * x) / w, (255 * y) / h, 128], 3 * (y * w + x));
    const gradient = path.join(dir, "gradient.webp");
    await sharp(pixels, { raw: { width: w, height: h, channels: 3 } }).webp().toFile(gradient);
    const [none, one, alsoNone] = await Promise.all([detectFaces(gradient), detectFaces(onePerson), detectFaces(gradient)]);
    expect(none).toEqual([]);
    expect(alsoNone).toEqual([]);
    expect(one).toHaveLength(1);
  }, SLOW);

  it("rejects a file sharp cannot read, and goes on with the next call", async () => {
    const notAnImage = path.join(dir, "not-an-image.webp");
    await writeFile(notAnImage, "not a picture");
    const calls = [detectFaces(path.join(dir, "missing.webp")), detectFaces(notAnImage), detectFaces(onePerson)];
    await expect(calls[0]).rejects.toThrow(/missing/i);
    await expect(calls[1]).rejects.toThrow(/unsupported image format/i);
    expect(await calls[2]).toHaveLength(1);
  }, SLOW);

  it("rejects what is waiting when closed; the next call starts the thread again", async () => {
    const waiting = [detectFaces(onePerson), detectFaces(onePerson)].map((p) => p.then(() => "answered", (e: Error) => e.message));
    await closeFaceDetector();
    expect(await Promise.all(waiting)).toEqual(["the face detector was closed", "the face detector was closed"]);
    expect(await detectFaces(onePerson)).toHaveLength(1);
  }, SLOW);
});

describe("faceSimilarity", () => {
  it("is 1 for a face with itself, and refuses embeddings of different lengths", () => {
    expect(faceSimilarity(faces6[0]!.embedding, faces6[0]!.embedding)).toBeCloseTo(1, 5);
    expect(() => faceSimilarity(new Float32Array(3), new Float32Array(4))).toThrow(/different lengths/);
  });
});

describe("FACE_MODELS", () => {
  it("names the models Human ships, with their sizes on disk (JSON and weights)", () => {
    for (const m of FACE_MODELS) {
      const json = path.join(humanDir, "models", m.file);
      const bin = json.replace(/\.json$/, ".bin");
      expect(statSync(json).size + statSync(bin).size).toBe(m.bytes);
    }
  });
});

describe("makeFaceCrop", () => {
  it("writes a 160 px square WebP around the face, and nothing else", async () => {
    const out = path.join(dir, "faces", "ab", "face-0.webp");
    await makeFaceCrop(sample6, faces6[0]!.box, out);
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", FACE_CROP_SIZE, FACE_CROP_SIZE]);
    expect(await readdir(path.dirname(out))).toEqual(["face-0.webp"]);
    // the face is in it, and fills much of it
    const found = await detectFaces(out);
    expect(found).toHaveLength(1);
    expect(found[0]!.box.width).toBeGreaterThan(0.5);
  }, SLOW);

  it("keeps a box at the image's edge inside the image, square", async () => {
    const out = path.join(dir, "edge.webp");
    await makeFaceCrop(sample6, { x: 0.9, y: 0, width: 0.1, height: 0.2 }, out);
    const meta = await sharp(out).metadata();
    expect([meta.width, meta.height]).toEqual([FACE_CROP_SIZE, FACE_CROP_SIZE]);
    await expect(makeFaceCrop(sample6, { x: 0.9, y: 0, width: 0.2, height: 0.2 }, out)).rejects.toThrow(/inside the image/);
    expect(existsSync(out)).toBe(true);
  });
});
