// Thumbnails live in STATE_DIR, named by the file's content hash: made once per content,
// however many users see the photo and wherever it moves. Never written into the library.
import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { env } from "~/env";

export const THUMB_SIZES = { small: 256, large: 1280 } as const;
export type ThumbSize = keyof typeof THUMB_SIZES;

sharp.cache(false); // every file is read once; libvips' cache would only hold memory

export function thumbnailPath(contentHash: string, size: ThumbSize) {
  return path.join(env.STATE_DIR, "thumbnails", contentHash.slice(0, 2), `${contentHash}-${THUMB_SIZES[size]}.webp`);
}

async function writeAtomically(file: string, data: Buffer) {
  await mkdir(path.dirname(file), { recursive: true });
  // unique per call: two copies of one photo can be previewed at the same moment
  const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await writeFile(tmp, data);
  try {
    await rename(tmp, file); // a crash never leaves half a thumbnail under the real name
  } catch (e) {
    await rm(tmp, { force: true });
    if (!(await exists(file))) throw e;
  }
}

const exists = (file: string) => stat(file).then(() => true, () => false);

/** The two previews (auto-rotated), large first and small from it. Returns the displayed
 *  dimensions; throws when sharp cannot decode the image. */
export async function makeThumbnails(buffer: Buffer, contentHash: string) {
  const large = thumbnailPath(contentHash, "large");
  const small = thumbnailPath(contentHash, "small");
  const meta = await sharp(buffer, { failOn: "error" }).metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  if (!(await exists(large)) || !(await exists(small))) {
    const big = await sharp(buffer, { failOn: "error" })
      .rotate()
      .resize(THUMB_SIZES.large, THUMB_SIZES.large, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    const little = await sharp(big).resize(THUMB_SIZES.small, THUMB_SIZES.small, { fit: "inside", withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
    await writeAtomically(large, big);
    await writeAtomically(small, little);
  }
  return { width: width ?? null, height: height ?? null };
}
