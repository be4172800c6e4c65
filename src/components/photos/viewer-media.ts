import type { PhotoDetail } from "~/lib/photos";

type Media = Pick<PhotoDetail, "id" | "mediaType" | "animated" | "thumbnailState">;

/** What the viewer draws first for a photo: an animated GIF or WebP as its original (so it
 *  plays), else the large preview (at most 1280 px, made by the scan); null when there is none. */
export function previewSrc(p: Media): string | null {
  if (p.mediaType === "video") return p.thumbnailState === "ready" ? `/api/media/${p.id}/thumbnail?size=large` : null;
  if (p.animated) return `/api/media/${p.id}/original`;
  return p.thumbnailState === "ready" ? `/api/media/${p.id}/thumbnail?size=large` : null;
}

// Past this many pixels (2^28, sharp's own default limit) a browser's decode of the whole image
// takes gigabytes and may end the tab: such a photo zooms into its preview only.
const MAX_FULL_PIXELS = 2 ** 28;

/** The full-resolution image the viewer swaps in once zoomed past what the preview holds
 *  (`/api/media/<id>/full`: the original in a format browsers decode, else a full-size JPEG the
 *  server makes once); null when there is nothing more to get (an animated original is already
 *  full size) or the image is too large for a browser to decode whole. */
export function fullSrc(p: Media & Pick<PhotoDetail, "width" | "height">): string | null {
  if (p.mediaType === "video" || p.animated) return null;
  if ((p.width ?? 0) * (p.height ?? 0) > MAX_FULL_PIXELS) return null;
  return `/api/media/${p.id}/full`;
}
