// Full-size JPEGs for the viewer's zoom of photos browsers cannot decode (HEIC, RAW, TIFF, JPEG
// XL, BMP): made on the first request through the scanner's own decoders (decode.ts), upright,
// once per content hash, under STATE_DIR/full-size. The cache is bounded: every hit refreshes the
// file's mtime, and after a write the least recently used files go once the folder holds more
// than FULL_SIZE_CACHE_MB (the photos' previews and originals are never touched).
import { randomUUID } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { env } from "~/env";
import { decodable } from "./decode";
import { holdExifTool, readTags, type RawTags } from "./exiftool";
import { imageFormat } from "./formats";
import { openInsideRoot } from "./open-file";
import { uprightImage } from "./thumbnails";

/** The formats browsers decode themselves: the viewer gets the original of these. */
export const BROWSER_IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"]);

/** JPEG quality of a full-size copy: the zoom shows pixels, so barely any loss (4:4:4 colour). */
const QUALITY = 90;

/** Full-size copies made at once by one process: each decodes a whole image (a 12 MP HEIC holds
 *  48 MB of pixels, a 100 MP TIFF 400 MB), so more requests wait their turn. */
const AT_ONCE = 2;

export const fullSizeDir = () => path.join(env.STATE_DIR, "full-size");

/** Where the full-size JPEG of this content is kept. */
export const fullSizePath = (contentHash: string) => path.join(fullSizeDir(), contentHash.slice(0, 2), `${contentHash}.jpg`);

/** The kept copy's size in bytes, its mtime refreshed (the cache drops the least recently used
 *  first); null when there is none. */
export async function touchFullSize(contentHash: string): Promise<number | null> {
  const file = fullSizePath(contentHash);
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) return null;
  const now = new Date();
  await utimes(file, now, now).catch(() => {});
  return st.size;
}

let running = 0;
const waiting: (() => void)[] = [];
async function turn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Copies being made in this process, by content hash: a second request waits for the first. */
const making = new Map<string, Promise<number>>();

export class ChangedSinceScan extends Error {}

/**
 * Makes the full-size JPEG of the file at `file` (opened once, not following a final symlink,
 * checked inside `realRoot` as the scanner does) whose indexed content is `contentHash`, unless
 * it exists; resolves with its size in bytes. Throws ChangedSinceScan when the file's content is
 * no longer that hash (the next scan reads it again), else the decoder's error (a file that
 * cannot be decoded, one past the 4-gigapixel or 1 GiB limits).
 */
export function makeFullSize(file: string, realRoot: string, contentHash: string): Promise<number> {
  let pending = making.get(contentHash);
  if (!pending) {
    pending = turn(async () => (await touchFullSize(contentHash)) ?? (await writeFullSize(file, realRoot, contentHash))).finally(() => making.delete(contentHash));
    making.set(contentHash, pending);
  }
  return pending;
}

async function writeFullSize(file: string, realRoot: string, contentHash: string): Promise<number> {
  const format = imageFormat(path.basename(file));
  if (!format || format.decoder === "video") throw new Error("not a still image");
  const opened = await openInsideRoot(file, realRoot);
  const release = format.decoder === "raw" ? holdExifTool() : null;
  try {
    // never a copy of other bytes under this content's name
    if ((await opened.sha256()) !== contentHash) throw new ChangedSinceScan("the file changed since it was scanned");
    const tags: RawTags = release ? await readTags(opened.alias) : {};
    const source = await decodable(format.decoder, opened, tags);
    const out = fullSizePath(contentHash);
    await mkdir(path.dirname(out), { recursive: true });
    const tmp = `${out}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
    try {
      // sRGB, no metadata: the pixels turned upright are all the browser needs
      await uprightImage(source).jpeg({ quality: QUALITY, chromaSubsampling: "4:4:4" }).toFile(tmp);
      await rename(tmp, out);
    } finally {
      await rm(tmp, { force: true });
    }
    void sweepFullSizeCache().catch((e: unknown) => console.warn(`Full-size cache: ${(e as Error).message}`));
    return (await stat(out)).size;
  } finally {
    await release?.();
    await opened.close();
  }
}

let lastSweep = 0;

/**
 * Keeps STATE_DIR/full-size under FULL_SIZE_CACHE_MB: when it holds more, removes the least
 * recently used copies (oldest mtime: touchFullSize refreshes it on every hit) until it holds 90%
 * of that, and temporary files older than an hour. At most once a minute per process, unless `force`; several processes sharing
 * STATE_DIR may sweep at once (a file gone already is no error). Returns the bytes removed.
 */
export async function sweepFullSizeCache(opts: { force?: boolean; capBytes?: number } = {}): Promise<number> {
  if (!opts.force && Date.now() - lastSweep < 60_000) return 0;
  lastSweep = Date.now();
  const cap = opts.capBytes ?? env.FULL_SIZE_CACHE_MB * 1024 ** 2;
  const files: { file: string; size: number; mtimeMs: number }[] = [];
  for (const dir of await readdir(fullSizeDir()).catch(() => [] as string[])) {
    for (const name of await readdir(path.join(fullSizeDir(), dir)).catch(() => [] as string[])) {
      const file = path.join(fullSizeDir(), dir, name);
      const st = await stat(file).catch(() => null);
      if (!st?.isFile()) continue;
      // what a process killed while writing left behind
      if (name.endsWith(".tmp") && Date.now() - st.mtimeMs > 3_600_000) await rm(file, { force: true });
      else if (name.endsWith(".jpg")) files.push({ file, size: st.size, mtimeMs: st.mtimeMs });
    }
  }
  let total = files.reduce((sum, f) => sum + f.size, 0);
  if (total <= cap) return 0;
  let removed = 0;
  for (const f of files.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
    if (total <= cap * 0.9) break;
    await rm(f.file, { force: true });
    total -= f.size;
    removed += f.size;
  }
  return removed;
}
