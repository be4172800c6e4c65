// Helper of bench-browser.ts, run with its environment:
//   bench-thumbnails.ts
// Gives every photo a benchmark seeded (bench-api-seed.ts: no files on disk) both previews, so
// the browser has real images to load and paint. One small and one large WebP are encoded, then
// hard-linked under each photo's content hash: 100,000 photos cost a few files of disk and about
// 20 s, and the browser still fetches every tile as its own URL. ext4 allows 65,000 links to a
// file: each source is copied afresh every LINKS_PER_FILE photos.
import { copyFile, link, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { db } from "../src/server/db";
import { THUMB_SIZES, thumbnailPath, type ThumbSize } from "../src/server/scanner/thumbnails";
import { env } from "../src/env";

const sources = {} as Record<ThumbSize, string>;
for (const size of Object.keys(THUMB_SIZES) as ThumbSize[]) {
  const long = THUMB_SIZES[size];
  // 4:3, as the seeded photos say they are; a gradient, so the encoder does real work
  const high = Math.round((long * 3) / 4);
  const image = sharp({ create: { width: long, height: high, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .composite([{ input: Buffer.from(`<svg width="${long}" height="${high}"><circle cx="${long / 2}" cy="${high / 2}" r="${high / 3}" fill="#f5d76e"/></svg>`) }])
    .webp({ quality: 70 });
  sources[size] = path.join(env.STATE_DIR, `bench-thumbnail-${long}.webp`);
  await mkdir(env.STATE_DIR, { recursive: true });
  await writeFile(sources[size], await image.toBuffer());
}

const LINKS_PER_FILE = 50_000;
/** The file to link photo number `n`'s preview of `size` to: a copy of the source per 50,000. */
async function sourceFor(size: ThumbSize, n: number) {
  const copy = Math.floor(n / LINKS_PER_FILE);
  if (copy === 0) return sources[size];
  const file = sources[size].replace(/\.webp$/, `-${copy}.webp`);
  if (n % LINKS_PER_FILE === 0) await copyFile(sources[size], file);
  return file;
}

const made = new Set<string>();
let linked = 0;
let cursor: string | undefined;
for (;;) {
  const batch = await db.photo.findMany({
    where: { contentHash: { not: null } },
    select: { id: true, contentHash: true },
    orderBy: { id: "asc" },
    take: 5000,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  if (!batch.length) break;
  for (const p of batch) {
    for (const size of Object.keys(THUMB_SIZES) as ThumbSize[]) {
      const target = thumbnailPath(p.contentHash!, size);
      const dir = path.dirname(target);
      if (!made.has(dir)) await mkdir(dir, { recursive: true }).then(() => made.add(dir));
      await rm(target, { force: true });
      await link(await sourceFor(size, linked), target);
    }
    linked++;
  }
  cursor = batch.at(-1)!.id;
}
console.log(`linked previews for ${linked} photos`);
await db.$disconnect();
