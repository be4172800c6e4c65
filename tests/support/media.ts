// Real media files for scanner tests, made with Debian's tools (ImageMagick, exiftool, heif-enc,
// cjxl) and, where no tool writes what phones and cameras write, with the byte-level writers of
// tests/support/media-containers.ts. Every generator makes small files fast (tests run on 2
// cores) and returns the path it wrote. A missing tool fails with the Debian package to install
// (`MissingToolError`); nothing is skipped. tests/unit/media-fixtures.test.ts proves each one.
//
// Colours are ImageMagick colour names or "#rrggbb". `Raster` is shared by the pixel generators:
//   { width?, height?, color?, top?, noise?, seed? }
//   color: the whole image (default "#3366cc"); top: the top half instead, so a test can tell
//   which way up a thumbnail came out; noise: camera-like grain (realistic sizes and decode cost,
//   for the benchmark), repeatable with `seed`.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { buildDng, codedImages, rebuildHeif, type CodedImage } from "./media-containers";

// ---- tools --------------------------------------------------------------------------------------

/** Debian's package for each command the generators (and the scan benchmark) run. */
export const DEBIAN_PACKAGE: Record<string, string> = {
  exiftool: "libimage-exiftool-perl",
  "heif-enc": "libheif-examples",
  "heif-convert": "libheif-examples",
  convert: "imagemagick",
  magick: "imagemagick",
  cjxl: "libjxl-tools",
  djxl: "libjxl-tools",
  vipsthumbnail: "libvips-tools",
  perl: "perl",
  ffmpeg: "ffmpeg",
  ffprobe: "ffmpeg",
  // read back the zips Folio makes (tests/db/media-zip.test.ts)
  unzip: "unzip",
  zipinfo: "unzip",
};

export class MissingToolError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} is not installed: apt-get install ${DEBIAN_PACKAGE[tool] ?? tool} (Debian's package for it)`);
  }
}

type RunResult = { stdout: Buffer; stderr: string };

/** Runs a command (no shell); rejects with its stderr, or with `MissingToolError` when absent. */
export function run(tool: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { encoding: "buffer", maxBuffer: 256 * 1024 * 1024, timeout: opts.timeoutMs ?? 120_000 }, (error, stdout, stderr) => {
      const err = stderr.toString("utf8");
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") reject(new MissingToolError(tool));
      else if (error) reject(new Error(`${tool} ${args.join(" ")} failed: ${err.trim() || error.message}`));
      else resolve({ stdout, stderr: err });
    });
  });
}

let imageMagick: Promise<string> | undefined;
/** ImageMagick's command: `magick` (version 7) or `convert` (version 6, Debian 12). A `convert`
 *  that is not ImageMagick (a stand-in, GraphicsMagick) counts as missing. */
export function magickCommand(): Promise<string> {
  imageMagick ??= (async () => {
    for (const cmd of ["magick", "convert"]) {
      const out = await run(cmd, ["-version"]).catch(() => null);
      if (out?.stdout.toString().includes("ImageMagick")) return cmd;
    }
    throw new MissingToolError("convert");
  })();
  return imageMagick;
}

const magick = async (args: string[]) => run(await magickCommand(), args);

// ---- exiftool -----------------------------------------------------------------------------------

/** A tag value for exiftool: a list is written as repeated arguments (a list tag's items), null
 *  deletes the tag. Tag names as exiftool takes them: "DateTimeOriginal", "IPTC:Keywords",
 *  "XMP:Subject", and with "#" for a number written as it is ("Orientation#": 6). */
export type TagValue = string | number | null | (string | number)[];
export type Tags = Record<string, TagValue>;

/** Writes tags with `exiftool -overwrite_original` (and `-P`, keeping the file's mtime, only with
 *  `keepMtime`). IPTC is written as UTF-8 (with its CodedCharacterSet) when any IPTC tag is given.
 *  For a JPEG XL file `-m` lets it wrap a bare codestream in a container to write into it.
 *  `config`: a file of user-defined tags (`-config`), for tags this exiftool does not know (see
 *  video.ts). A name ending in "<" copies a file's bytes: { "XMP<": "packet.xmp" } is
 *  `-XMP<=packet.xmp`. */
export async function exiftoolWrite(file: string, tags: Tags, opts: { keepMtime?: boolean; config?: string } = {}) {
  const args = [...(opts.config ? ["-config", opts.config] : []), "-overwrite_original"];
  if (/\.jxl$/i.test(file)) args.push("-m");
  if (opts.keepMtime) args.push("-P");
  if (Object.keys(tags).some((t) => /^IPTC:/i.test(t))) args.push("-charset", "iptc=UTF8", "-IPTC:CodedCharacterSet=UTF8");
  for (const [tag, value] of Object.entries(tags)) {
    if (value === null) args.push(`-${tag}=`);
    else for (const v of Array.isArray(value) ? value : [value]) args.push(`-${tag}=${v}`);
  }
  if (Object.keys(tags).length === 0) return file;
  await run("exiftool", [...args, file]);
  return file;
}

/** What exiftool reads from a file, as `exiftool -j -G1 [-n]` prints it (keys "Group:Tag"). */
export async function exiftoolRead(file: string, opts: { numeric?: boolean; args?: string[] } = {}): Promise<Record<string, unknown>> {
  const { stdout } = await run("exiftool", ["-j", "-G1", "-a", ...(opts.numeric ? ["-n"] : []), ...(opts.args ?? []), file]);
  return (JSON.parse(stdout.toString("utf8")) as Record<string, unknown>[])[0]!;
}

// ---- pixels -------------------------------------------------------------------------------------

export type Raster = { width?: number; height?: number; color?: string; top?: string; noise?: boolean; seed?: number };

/** ImageMagick arguments drawing a Raster (before the output's own options and name). */
function rasterArgs(r: Raster, defaults = { width: 64, height: 48 }): string[] {
  const width = r.width ?? defaults.width;
  const height = r.height ?? defaults.height;
  const color = r.color ?? "#3366cc";
  const args = r.noise
    ? // grain at a quarter of the size, scaled up: as fast as a flat image, compresses like a photo
      ["-seed", String(r.seed ?? 1), "-size", `${Math.ceil(width / 4)}x${Math.ceil(height / 4)}`, `xc:${color}`, "+noise", "Gaussian", "-resize", `${width}x${height}!`]
    : ["-size", `${width}x${height}`, `xc:${color}`];
  if (r.top) args.push("-fill", r.top, "-draw", `rectangle 0,0 ${width - 1},${Math.max(0, Math.floor(height / 2) - 1)}`);
  return args;
}

/** Makes the folder a file goes into; returns the file. */
export function prepare(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/** A scratch folder, removed after `fn`. */
export async function withScratch<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "folio-media-"));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- JPEG ---------------------------------------------------------------------------------------

/** A baseline JPEG (ImageMagick, quality 85; default 64x48) then `tags` written by exiftool, e.g.
 *  { DateTimeOriginal: "2024:08:01 00:30:00", OffsetTimeOriginal: "+02:00", Make: "Apple",
 *    "IPTC:Keywords": ["beach", "sun"], "XMP:Subject": ["beach"], GPSDateStamp: "2020:02:13",
 *    GPSTimeStamp: "10:36:13", "Orientation#": 6 }.
 *  `orientation` is a shorthand for "Orientation#". ~10 ms small, ~0.3 s more with tags (each
 *  exiftool run starts perl); ~1.1 s at 12 MP with noise and tags. */
export async function writeJpeg(file: string, opts: Raster & { tags?: Tags; orientation?: number; quality?: number } = {}) {
  await magick([...rasterArgs(opts), "-quality", String(opts.quality ?? 85), `JPEG:${prepare(file)}`]);
  const tags = { ...(opts.orientation ? { "Orientation#": opts.orientation } : {}), ...opts.tags };
  return exiftoolWrite(file, tags);
}

/** A JPEG of width x height (default 20000 x 20000: 400 MP, past sharp's default pixel limit),
 *  a smooth gradient made by sharp from a 16x16 image scaled up, streamed to the file: ~6 s and
 *  ~100 MB here (libjpeg's optimised Huffman coding, which keeps every coefficient in memory
 *  (2.4 GB at this size), is off). */
export async function writeBigJpeg(file: string, width = 20_000, height = 20_000) {
  const seedPixels = Buffer.alloc(16 * 16 * 3);
  for (let y = 0; y < 16; y++)
    for (let x = 0; x < 16; x++) seedPixels.set([x * 16, y * 16, 128], (y * 16 + x) * 3);
  await sharp(seedPixels, { raw: { width: 16, height: 16, channels: 3 } })
    .resize(width, height, { fit: "fill", kernel: "linear" })
    .jpeg({ quality: 50, optimiseCoding: false })
    .toFile(prepare(file));
  return file;
}

// ---- HEIC ---------------------------------------------------------------------------------------

export type HeicOptions = Raster & {
  tags?: Tags;
  /** 10 bits per sample (heif-enc from a 16-bit PNG); default 8 */
  bitDepth?: 8 | 10;
  /** a grid of tiles (iPhones: 512x512): the image cut into tiles of this size (padded at the
   *  right and bottom), each coded by heif-enc, joined by a `grid` item (media-containers.ts) */
  grid?: { tileWidth: number; tileHeight: number };
  /** `irot` on the primary image: anticlockwise degrees, applied by HEIF readers on decoding.
   *  iPhones store pixels as the sensor saw them, with irot and EXIF Orientation saying the same
   *  turn (270 anticlockwise = 90 clockwise = Orientation 6); pass the EXIF tag in `tags`. */
  rotation?: 0 | 90 | 180 | 270;
  /** heif-enc quality (default 30) and x265 preset (default "ultrafast"; x265's own default,
   *  "slow", takes 2-5 times as long). A 12 MP image with noise: ~9 s ultrafast; as a 512 px grid
   *  ~11 s ultrafast, ~15 s medium, ~20 s slow (idle, 2 cores). */
  quality?: number;
  preset?: "ultrafast" | "superfast" | "veryfast" | "faster" | "fast" | "medium" | "slow";
};

/** A HEIC (HEVC in HEIF, brand heic): pixels from ImageMagick (a PNG, 16-bit for 10-bit output),
 *  coded by heif-enc, rebuilt into a grid and/or with irot when asked, then `tags` written by
 *  exiftool (12.57 writes EXIF and XMP into HEIC; IPTC does not exist in HEIC). Default 64x48.
 *  Sides under 64 px are coded padded and cropped back by a 1x1 grid, as heif-enc does itself.
 *  ~30 ms small (a 200x150 grid of 64 px tiles ~50 ms), ~0.3 s more with tags. */
export async function writeHeic(file: string, opts: HeicOptions = {}) {
  const width = opts.width ?? 64;
  const height = opts.height ?? 48;
  const tenBit = opts.bitDepth === 10;
  const enc = ["-q", String(opts.quality ?? 30), "-p", `preset=${opts.preset ?? "ultrafast"}`, ...(tenBit ? ["-b", "10"] : [])];
  const png = tenBit ? ["-depth", "16"] : ["-depth", "8"];
  const pngType = tenBit ? "PNG48" : "PNG24";
  await withScratch(async (dir) => {
    if (!opts.grid && !opts.rotation) {
      await magick([...rasterArgs(opts), ...png, `${pngType}:${path.join(dir, "in.png")}`]);
      await run("heif-enc", [...enc, "-o", prepare(file), path.join(dir, "in.png")], { timeoutMs: 600_000 });
      return;
    }
    const tileW = opts.grid?.tileWidth ?? width;
    const tileH = opts.grid?.tileHeight ?? height;
    const columns = Math.ceil(width / tileW);
    const rows = Math.ceil(height / tileH);
    // tiles row by row, each padded to the full tile size (the grid crops the padding away)
    await magick([
      ...rasterArgs(opts),
      ...png,
      "-crop",
      `${tileW}x${tileH}`,
      "-background",
      opts.color ?? "#3366cc",
      "-extent",
      `${tileW}x${tileH}`,
      "+repage",
      "-scene",
      "0",
      `${pngType}:${path.join(dir, "tile-%04d.png")}`,
    ]);
    const tilePngs = Array.from({ length: columns * rows }, (_, i) => path.join(dir, `tile-${String(i).padStart(4, "0")}.png`));
    // heif-enc puts every input into one file as separate top-level images
    await run("heif-enc", [...enc, "-o", path.join(dir, "tiles.heic"), ...tilePngs], { timeoutMs: 600_000 });
    const tiles: CodedImage[] = codedImages(readFileSync(path.join(dir, "tiles.heic")));
    if (tiles.length !== columns * rows) throw new Error(`heif-enc wrote ${tiles.length} images for ${columns * rows} tiles`);
    const padded = tiles.some((t) => t.width !== tileW || t.height !== tileH);
    if (opts.grid && padded) throw new Error(`heif-enc padded ${tileW}x${tileH} tiles to ${tiles[0]!.width}x${tiles[0]!.height}: make tiles at least 64x64`);
    // a padded single image is cropped back by a 1x1 grid, as heif-enc itself does
    const grid = opts.grid || padded ? { columns, width, height } : undefined;
    writeFileSync(prepare(file), rebuildHeif({ tiles, grid, rotation: opts.rotation }));
  });
  return exiftoolWrite(file, opts.tags ?? {});
}

// ---- RAW (DNG) ----------------------------------------------------------------------------------

export type DngOptions = {
  /** the raw (CFA, 8-bit, uncompressed: width x height bytes) image's size; default: the preview's */
  width?: number;
  height?: number;
  /** the embedded full-size JPEG preview, stored as the sensor saw it (not rotated); its `top`
   *  half in another colour shows which way up a thumbnail came out. Default 96x64, red over blue. */
  preview?: Raster;
  /** which tag exiftool reports the preview as: "PreviewImage" (default) or "JpgFromRaw" */
  previewTag?: "PreviewImage" | "JpgFromRaw";
  /** EXIF Orientation of the raw and its previews, e.g. 6: turn 90 degrees clockwise to view */
  orientation?: number;
  /** IFD0's small uncompressed RGB thumbnail's colour (default "gray"), unlike the preview's */
  thumbnailColor?: string;
  make?: string;
  model?: string;
  /** more tags, written by exiftool afterwards (DateTimeOriginal, OffsetTimeOriginal, ...) */
  tags?: Tags;
};

/** A DNG written by `buildDng` (media-containers.ts): IFD0 (DNG 1.4, Make, Model, Orientation, a
 *  thumbnail of at most 32 px), a SubIFD with the JPEG preview (made by ImageMagick, quality 80)
 *  and one with a flat raw CFA image. exiftool and exiftool-vendored extract the preview as
 *  `PreviewImage` (or `JpgFromRaw`). ~20 ms small (~0.3 s more with tags); a 12 MP preview over
 *  a 12 MP raw (a 13 MB file) ~1.1 s. */
export async function writeDng(file: string, opts: DngOptions = {}) {
  const preview: Raster = { width: 96, height: 64, color: "blue", top: "red", ...opts.preview };
  const pw = preview.width!;
  const ph = preview.height!;
  const jpeg = await withScratch(async (dir) => {
    const out = path.join(dir, "preview.jpg");
    await magick([...rasterArgs(preview), "-quality", "80", "-sampling-factor", "2x2", `JPEG:${out}`]);
    return readFileSync(out);
  });
  const scale = Math.min(1, 32 / Math.max(pw, ph));
  const tw = Math.max(1, Math.round(pw * scale));
  const th = Math.max(1, Math.round(ph * scale));
  const thumbnail = await sharp({ create: { width: tw, height: th, channels: 3, background: opts.thumbnailColor ?? "gray" } }).raw().toBuffer();
  const dng = buildDng({
    width: opts.width ?? pw,
    height: opts.height ?? ph,
    preview: { jpeg, width: pw, height: ph },
    thumbnail: { rgb: thumbnail, width: tw, height: th },
    orientation: opts.orientation ?? 1,
    make: opts.make ?? "Folio",
    model: opts.model ?? "Test DNG",
    previewTag: opts.previewTag ?? "PreviewImage",
  });
  writeFileSync(prepare(file), dng);
  return exiftoolWrite(file, opts.tags ?? {});
}

// ---- other formats ------------------------------------------------------------------------------

/** A PNG (truecolor, 8-bit) by ImageMagick, with optional tags by exiftool (PNG eXIf/XMP).
 *  ~10 ms (~0.3 s more with tags); so are writeTiff, writeBmp and writeJxl. */
export async function writePng(file: string, opts: Raster & { tags?: Tags } = {}) {
  await magick([...rasterArgs(opts), "-depth", "8", `PNG24:${prepare(file)}`]);
  return exiftoolWrite(file, opts.tags ?? {});
}

/** A TIFF (RGB, 8-bit, LZW) by ImageMagick, with optional tags by exiftool. */
export async function writeTiff(file: string, opts: Raster & { tags?: Tags } = {}) {
  await magick([...rasterArgs(opts), "-depth", "8", "-type", "TrueColor", "-compress", "LZW", `TIFF:${prepare(file)}`]);
  return exiftoolWrite(file, opts.tags ?? {});
}

/** A BMP: Windows 3 (BITMAPINFOHEADER), 24-bit, uncompressed, bottom-up, as Paint saves it, by
 *  ImageMagick. BMP holds no metadata. */
export async function writeBmp(file: string, opts: Raster = {}) {
  await magick([...rasterArgs(opts), "-depth", "8", "-type", "TrueColor", `BMP3:${prepare(file)}`]);
  return file;
}

/** A JPEG XL (a container with the codestream) by cjxl (libjxl-tools 0.7) from an ImageMagick
 *  PNG, lossless unless `distance` > 0, effort 3; then tags by exiftool (an Exif box). */
export async function writeJxl(file: string, opts: Raster & { tags?: Tags; distance?: number } = {}) {
  await withScratch(async (dir) => {
    const png = path.join(dir, "in.png");
    await magick([...rasterArgs(opts), "-depth", "8", `PNG24:${png}`]);
    await run("cjxl", [png, prepare(file), "-d", String(opts.distance ?? 0), "-e", "3", "--container=1", "--quiet"]);
  });
  return exiftoolWrite(file, opts.tags ?? {});
}

/** One frame of an animation: a flat colour shown for `delayMs` (default 100 ms). */
export type Frame = { color: string; delayMs?: number };

/** An animated GIF by ImageMagick, looping forever; every frame `width` x `height` (default
 *  32x24). ~0.2 s, like writeAnimatedWebp. */
export async function writeAnimatedGif(file: string, frames: Frame[], size: { width?: number; height?: number } = {}) {
  const w = size.width ?? 32;
  const h = size.height ?? 24;
  const args = ["-size", `${w}x${h}`];
  for (const f of frames) args.push("-delay", `${Math.round((f.delayMs ?? 100) / 10)}`, `xc:${f.color}`);
  await magick([...args, "-loop", "0", `GIF:${prepare(file)}`]);
  return file;
}

/** An animated WebP: the frames as an ImageMagick GIF, re-encoded by sharp (every page, the
 *  delays and the loop count carried over), lossless. */
export async function writeAnimatedWebp(file: string, frames: Frame[], size: { width?: number; height?: number } = {}) {
  await withScratch(async (dir) => {
    const gif = await writeAnimatedGif(path.join(dir, "frames.gif"), frames, size);
    await sharp(gif, { animated: true }).webp({ lossless: true }).toFile(prepare(file));
  });
  return file;
}

// ---- XMP sidecars and file times ----------------------------------------------------------------

export type SidecarFields = {
  /** an XMP date, e.g. "2024-08-01T00:30:00+02:00", written to each field of `dateFields` */
  date?: string;
  /** default all three */
  dateFields?: ("exif:DateTimeOriginal" | "xmp:CreateDate" | "photoshop:DateCreated")[];
  /** xmp:Rating, -1 (rejected) to 5 */
  rating?: number;
  /** dc:title and dc:description, as an rdf:Alt with one x-default item */
  title?: string;
  description?: string;
  /** dc:subject (rdf:Bag) */
  keywords?: string[];
  /** each a path from the root: lr:hierarchicalSubject ("A|B|C") and digiKam:TagsList ("A/B/C") */
  hierarchicalKeywords?: string[][];
};

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The text of an XMP packet holding the given fields, as Lightroom and digiKam write sidecars. */
export function xmpPacket(f: SidecarFields): string {
  const attrs: string[] = [];
  for (const field of f.date === undefined ? [] : (f.dateFields ?? ["exif:DateTimeOriginal", "xmp:CreateDate", "photoshop:DateCreated"])) attrs.push(`${field}="${xml(f.date!)}"`);
  if (f.rating !== undefined) attrs.push(`xmp:Rating="${f.rating}"`);
  const list = (kind: "Alt" | "Bag" | "Seq", items: string[], lang = false) =>
    `<rdf:${kind}>${items.map((i) => `<rdf:li${lang ? ' xml:lang="x-default"' : ""}>${xml(i)}</rdf:li>`).join("")}</rdf:${kind}>`;
  const elements: string[] = [];
  if (f.title !== undefined) elements.push(`<dc:title>${list("Alt", [f.title], true)}</dc:title>`);
  if (f.description !== undefined) elements.push(`<dc:description>${list("Alt", [f.description], true)}</dc:description>`);
  if (f.keywords?.length) elements.push(`<dc:subject>${list("Bag", f.keywords)}</dc:subject>`);
  if (f.hierarchicalKeywords?.length) {
    elements.push(`<lr:hierarchicalSubject>${list("Bag", f.hierarchicalKeywords.map((p) => p.join("|")))}</lr:hierarchicalSubject>`);
    elements.push(`<digiKam:TagsList>${list("Seq", f.hierarchicalKeywords.map((p) => p.join("/")))}</digiKam:TagsList>`);
  }
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Folio test fixtures">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:exif="http://ns.adobe.com/exif/1.0/"',
    '    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"',
    '    xmlns:digiKam="http://www.digikam.org/ns/1.0/"',
    ...attrs.map((a) => `    ${a}`),
    "   >",
    ...elements.map((e) => `   ${e}`),
    "  </rdf:Description>",
    " </rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
    "",
  ].join("\n");
}

/** Writes an XMP sidecar (UTF-8) with the given fields; see `SidecarFields`. */
export function writeSidecar(xmpFile: string, fields: SidecarFields) {
  writeFileSync(prepare(xmpFile), xmpPacket(fields), "utf8");
  return xmpFile;
}

/** The sidecar's name for a photo: "IMG_1.jpg.xmp" (darktable, digiKam) with "append", or
 *  "IMG_1.xmp" (Lightroom, Capture One) with "replace". */
export const sidecarPath = (photo: string, style: "append" | "replace" = "append") =>
  style === "append" ? `${photo}.xmp` : path.join(path.dirname(photo), `${path.parse(photo).name}.xmp`);

/** Sets a file's modification (and access) time. */
export function setMtime(file: string, date: Date) {
  utimesSync(file, date, date);
  return file;
}
