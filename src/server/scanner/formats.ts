// The image files the scanner indexes, by extension; anything else in a folder is left alone.
const MIME_BY_EXTENSION: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
  ".avif": "image/avif",
  ".heic": "image/heic",
  ".heif": "image/heif",
};

export function imageMime(fileName: string): string | null {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? null : (MIME_BY_EXTENSION[fileName.slice(dot).toLowerCase()] ?? null);
}
