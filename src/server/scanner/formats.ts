// The files the scanner indexes, by extension, and which decoder makes their previews; anything
// else in a folder is left alone. XMP sidecars are read with the file they describe, never
// indexed on their own. Videos are previewed by ffmpeg (a poster frame) and read by ffprobe.

/** sharp (libvips from npm) decodes it itself; heif: HEVC inside HEIF (phones), which the npm
 *  libvips lacks; raw: a camera RAW, previewed from the JPEG the camera embedded; bmp: sharp has
 *  no BMP loader; jxl: nor a JPEG XL one; video: a movie, previewed by a frame ffmpeg takes. */
export type Decoder = "sharp" | "heif" | "raw" | "bmp" | "jxl" | "video";
export type ImageFormat = { mime: string; decoder: Decoder };

const sharp = (mime: string): ImageFormat => ({ mime, decoder: "sharp" });
const raw = (mime: string): ImageFormat => ({ mime, decoder: "raw" });
const video = (mime: string): ImageFormat => ({ mime, decoder: "video" });

const FORMATS: Record<string, ImageFormat> = {
  ".jpg": sharp("image/jpeg"),
  ".jpeg": sharp("image/jpeg"),
  ".jpe": sharp("image/jpeg"),
  ".png": sharp("image/png"),
  ".webp": sharp("image/webp"),
  ".gif": sharp("image/gif"),
  ".tif": sharp("image/tiff"),
  ".tiff": sharp("image/tiff"),
  ".avif": sharp("image/avif"),
  ".heic": { mime: "image/heic", decoder: "heif" },
  ".heif": { mime: "image/heif", decoder: "heif" },
  ".hif": { mime: "image/heif", decoder: "heif" }, // Fujifilm's HEIF
  ".bmp": { mime: "image/bmp", decoder: "bmp" },
  ".jxl": { mime: "image/jxl", decoder: "jxl" },
  // RAW, with the MIME types of the freedesktop shared-mime-info database
  ".dng": raw("image/x-adobe-dng"),
  ".cr2": raw("image/x-canon-cr2"),
  ".cr3": raw("image/x-canon-cr3"),
  ".nef": raw("image/x-nikon-nef"),
  ".nrw": raw("image/x-nikon-nrw"),
  ".arw": raw("image/x-sony-arw"),
  ".orf": raw("image/x-olympus-orf"),
  ".rw2": raw("image/x-panasonic-rw2"),
  ".raf": raw("image/x-fuji-raf"),
  ".pef": raw("image/x-pentax-pef"),
  ".srw": raw("image/x-samsung-srw"),
  // videos, with the MIME types browsers and shared-mime-info use
  ".mp4": video("video/mp4"),
  ".m4v": video("video/x-m4v"),
  ".mov": video("video/quicktime"),
  ".qt": video("video/quicktime"),
  ".3gp": video("video/3gpp"),
  ".3g2": video("video/3gpp2"),
  ".mkv": video("video/x-matroska"),
  ".webm": video("video/webm"),
  ".avi": video("video/x-msvideo"),
  ".mts": video("video/mp2t"), // AVCHD camcorders
  ".m2ts": video("video/mp2t"),
  ".m2t": video("video/mp2t"),
  ".mpg": video("video/mpeg"),
  ".mpeg": video("video/mpeg"),
  ".vob": video("video/mpeg"),
  ".wmv": video("video/x-ms-wmv"),
  ".asf": video("video/x-ms-asf"),
  ".flv": video("video/x-flv"),
  ".ogv": video("video/ogg"),
};

/** The still half of a live photo (HEIC or JPEG, as iPhones save it) and the video half (MOV,
 *  or MP4 from some Android phones that pair them the same way). */
const LIVE_STILL = new Set([".heic", ".heif", ".jpg", ".jpeg"]);
const LIVE_VIDEO = new Set([".mov", ".mp4"]);
export const mayBeLiveStill = (fileName: string) => LIVE_STILL.has(extension(fileName));
export const mayBeLiveVideo = (fileName: string) => LIVE_VIDEO.has(extension(fileName));
/** A file name without its extension, lowercased: the stem a live pair shares (IMG_0042). */
export const stemOf = (fileName: string) => {
  const dot = fileName.lastIndexOf(".");
  return (dot < 0 ? fileName : fileName.slice(0, dot)).toLowerCase();
};

const extension = (fileName: string) => {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot).toLowerCase();
};

/** The format of an indexed file, by its extension (any case); null for anything else. */
export function imageFormat(fileName: string): ImageFormat | null {
  return FORMATS[extension(fileName)] ?? null;
}

/** `photo.jpg.xmp` or `photo.xmp` (Lightroom, darktable, digiKam). */
export const isSidecar = (fileName: string) => extension(fileName) === ".xmp";

/** Every extension (lowercase, with its dot) the walk stats: the indexed formats and sidecars. */
export const WALKED_EXTENSIONS: readonly string[] = [...Object.keys(FORMATS), ".xmp"];

/** The sidecar names a file may have, preferred first: `name.ext.xmp` (darktable, digiKam),
 *  then `name.xmp` (Lightroom, shared by a RAW and its JPEG), both lowercased for lookup. */
export function sidecarNames(fileName: string): string[] {
  const dot = fileName.lastIndexOf(".");
  const stem = dot < 0 ? fileName : fileName.slice(0, dot);
  return [`${fileName}.xmp`.toLowerCase(), `${stem}.xmp`.toLowerCase()];
}
