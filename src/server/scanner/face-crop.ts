// A face's picture for the People pages (issue 19): a small square around one face of the
// preview, written once when the face is found, so a page of faces reads small files only.
import sharp from "sharp";
import type { FaceBox } from "./face-detector";
import { WEBP_EFFORT, writeAtomically } from "./thumbnails";

/** The crop's side in pixels. */
export const FACE_CROP_SIZE = 160;
/** How much larger than the face's box the crop is (the box is brow to chin, cheek to cheek:
 *  this takes in the hair and chin with a little room). */
const ENLARGE = 1.4;

/**
 * Writes the crop of the face at `box` (fractions of the upright image, as detectFaces gives)
 * from `previewFile` to `outFile`: a square centred on the box, ENLARGE times its longer side
 * (in pixels), moved inside the image where it would overhang and shrunk only when the image is
 * narrower than it, resized to FACE_CROP_SIZE x FACE_CROP_SIZE, WebP. Written under a temporary
 * name and renamed (writeAtomically), its folder made when missing. Throws when the box lies
 * outside 0..1 or is empty, and when sharp cannot read the preview.
 */
export async function makeFaceCrop(previewFile: string, box: FaceBox, outFile: string): Promise<void> {
  const { x, y, width, height } = box;
  const inside = [x, y, width, height].every((v) => Number.isFinite(v) && v >= 0 && v <= 1) && x + width <= 1 + 1e-6 && y + height <= 1 + 1e-6;
  if (!inside || width <= 0 || height <= 0) throw new Error(`a face box must lie inside the image (fractions 0..1), not ${JSON.stringify(box)}`);
  const meta = await sharp(previewFile).metadata();
  // the box is of the upright image: orientations 5-8 swap the stored width and height
  const turned = (meta.orientation ?? 1) >= 5;
  const imageWidth = (turned ? meta.height : meta.width) ?? 0;
  const imageHeight = (turned ? meta.width : meta.height) ?? 0;
  if (!imageWidth || !imageHeight) throw new Error(`sharp read no dimensions from ${previewFile}`);
  const side = Math.max(1, Math.min(Math.round(ENLARGE * Math.max(width * imageWidth, height * imageHeight)), imageWidth, imageHeight));
  const centreX = (x + width / 2) * imageWidth;
  const centreY = (y + height / 2) * imageHeight;
  const left = Math.min(Math.max(0, Math.round(centreX - side / 2)), imageWidth - side);
  const top = Math.min(Math.max(0, Math.round(centreY - side / 2)), imageHeight - side);
  const crop = await sharp(previewFile)
    .rotate() // upright first, as the box is (sharp extracts after rotating when called in this order)
    .extract({ left, top, width: side, height: side })
    .resize(FACE_CROP_SIZE, FACE_CROP_SIZE)
    .webp({ quality: 80, effort: WEBP_EFFORT })
    .toBuffer();
  await writeAtomically(outFile, crop);
}
