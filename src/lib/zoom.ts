// The viewer's zoom arithmetic: where a picture sits at zoom 1, how far it may zoom, and when
// the large preview no longer holds enough pixels for what is shown. Sizes are CSS pixels unless
// they say device pixels; a zoom of 1 is the picture fitted to the stage.

export type Size = { width: number; height: number };

/** The box a picture of `picture` pixels takes in a stage of `stage` CSS px at zoom 1: as large
 *  as fits whole, centred by the caller, never enlarged past one CSS px per pixel (a 160 px photo
 *  stays 160 px). Whole pixels, at least 1 each way; null when either size is unknown or 0. */
export function fitBox(picture: Partial<Size> | null, stage: Size): Size | null {
  const w = picture?.width ?? 0;
  const h = picture?.height ?? 0;
  if (w <= 0 || h <= 0 || stage.width <= 0 || stage.height <= 0) return null;
  const k = Math.min(1, stage.width / w, stage.height / h);
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)) };
}

/** The most a picture `pictureWidth` px wide shown `boxWidth` CSS px wide at zoom 1 may be
 *  zoomed: at least 4, and far enough that one of its pixels covers two CSS px (a 16,000 px
 *  panorama fitted to 1,280 px zooms to 25), so the finest detail of any original is readable. */
export function maxZoom(pictureWidth: number, boxWidth: number): number {
  if (pictureWidth <= 0 || boxWidth <= 0) return 4;
  return Math.max(4, (2 * pictureWidth) / boxWidth);
}

/** The zoom a double click or tap goes to: the original's pixels one to one on the screen's
 *  device pixels, but at least 2 (a small photo still gets closer) and at most `max`. */
export function detailZoom(pictureWidth: number, boxWidth: number, pixelRatio: number, max: number): number {
  if (pictureWidth <= 0 || boxWidth <= 0) return Math.min(2, max);
  const oneToOne = pictureWidth / (boxWidth * Math.max(1, pixelRatio));
  return Math.min(max, Math.max(2, oneToOne));
}

/**
 * Whether the picture, drawn `boxWidth` CSS px wide at `zoom` on a screen of `pixelRatio` device
 * pixels per CSS px, now shows more pixels than the preview holds (`previewWidth` px wide) while
 * the original has more (`originalWidth` px): then the full-resolution image is worth loading.
 * Never at zoom 1, so a high-density screen does not fetch every original it merely shows.
 */
export function needsFullResolution(o: { previewWidth: number; originalWidth: number; boxWidth: number; zoom: number; pixelRatio: number }): boolean {
  if (o.zoom <= 1.01 || o.originalWidth <= o.previewWidth) return false;
  return o.boxWidth * o.zoom * Math.max(1, o.pixelRatio) > o.previewWidth;
}

/** A zoom kept between 1 and `max`. */
export const clampZoom = (zoom: number, max: number) => Math.min(max, Math.max(1, zoom));
