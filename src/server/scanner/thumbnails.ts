// Thumbnails live in STATE_DIR, named by the file's content hash: made once per content,
// however many users see the photo and wherever it moves. Never written into the library.
import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp, type SharpOptions } from "sharp";
import { env } from "~/env";
import type { Decodable } from "./decode";

export const THUMB_SIZES = { small: 256, large: 1280 } as const;
export type ThumbSize = keyof typeof THUMB_SIZES;

/** Images up to 4 gigapixels are previewed (sharp's default stops at 268 megapixels). libvips
 *  streams them: JPEG and WebP shrink while decoding, the rest is read top to bottom
 *  (sequentialRead), so memory follows the preview, not the image. */
export const MAX_INPUT_PIXELS = 4_000_000_000;

sharp.cache(false); // every file is read once; libvips' cache would only hold memory

/** libwebp's effort (0-6) for previews: 2 encodes a 1280 px preview in about 60% of the time of
 *  the default 4 for files about 4% larger (measured here on a 1280x720 frame: 34 vs 56 ms). */
export const WEBP_EFFORT = 2;

export function thumbnailPath(contentHash: string, size: ThumbSize) {
  return path.join(env.STATE_DIR, "thumbnails", contentHash.slice(0, 2), `${contentHash}-${THUMB_SIZES[size]}.webp`);
}

/** Writes `data` to `file` (its folder made when missing) under a temporary name beside it, then
 *  renames it over `file`: a reader never sees half a file. When the rename fails but `file`
 *  exists (another writer of the same content won), that file stands; otherwise it throws. */
export async function writeAtomically(file: string, data: Buffer) {
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

/** Both previews of this content are on disk. */
export const thumbnailsExist = async (contentHash: string) => (await exists(thumbnailPath(contentHash, "large"))) && (await exists(thumbnailPath(contentHash, "small")));

function open(source: Decodable): Sharp {
  const options: SharpOptions = { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true };
  if (source.raw) options.raw = source.raw;
  return sharp(source.input, options);
}

/** The decoded image turned upright: by its own EXIF orientation, or by the one the decoder gave
 *  (a RAW's), or as it is. sharp reads it top to bottom, up to MAX_INPUT_PIXELS. */
export function uprightImage(source: Decodable): Sharp {
  const image = open(source);
  return source.orientation === "exif" ? image.rotate() : orient(image, source.orientation ?? 1);
}

/** EXIF orientation 1-8 applied by hand, for a RAW whose embedded preview does not carry it
 *  (sharp flips and flops before it rotates, which is the order the tag means). */
function orient(image: Sharp, orientation: number): Sharp {
  const flop = orientation === 2 || orientation === 5 || orientation === 7;
  const flip = orientation === 4;
  const angle = { 3: 180, 5: 270, 6: 90, 7: 90, 8: 270 }[orientation] ?? 0;
  if (flop) image = image.flop();
  if (flip) image = image.flip();
  return angle ? image.rotate(angle) : image;
}

/**
 * The two previews of a decoded file (upright), large first and small from it, unless both exist
 * already (`force`: make them again). Returns the upright dimensions in pixels and whether the
 * image has several frames (an animated GIF or WebP; previews show the first). Throws when sharp
 * cannot decode the image.
 */
export async function makeThumbnails(source: Decodable, contentHash: string, opts: { force?: boolean } = {}) {
  const large = thumbnailPath(contentHash, "large");
  const small = thumbnailPath(contentHash, "small");
  const meta = await open(source).metadata();
  const orientation = source.orientation === "exif" ? (meta.orientation ?? 1) : (source.orientation ?? 1);
  const turned = orientation >= 5;
  const width = (turned ? meta.height : meta.width) ?? null;
  const height = (turned ? meta.width : meta.height) ?? null;
  if (opts.force || !(await thumbnailsExist(contentHash))) {
    const big = await uprightImage(source).resize(THUMB_SIZES.large, THUMB_SIZES.large, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80, effort: WEBP_EFFORT }).toBuffer();
    const little = await sharp(big)
      .resize(THUMB_SIZES.small, THUMB_SIZES.small, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75, effort: WEBP_EFFORT })
      .toBuffer();
    await writeAtomically(large, big);
    await writeAtomically(small, little);
  }
  // several pages of a TIFF are not an animation, and browsers show TIFF originals not at all
  const animated = (meta.format === "gif" || meta.format === "webp") && (meta.pages ?? 1) > 1;
  return { width, height, animated };
}
