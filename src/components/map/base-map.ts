// What every Folio map shares: a Leaflet map on a plain background with the admin's tile layer,
// which tells when no tile could be loaded (offline, a blocked or wrong tile server), so the
// markers stay on the plain background and the map says why there is no picture under them.
// Imported only by the lazily loaded map components: Leaflet touches `window` when loaded.
import L from "leaflet";
import "leaflet/dist/leaflet.css";

/** Tailwind classes of a map's container: a plain background the markers stand on without
 *  tiles, and in dark mode tiles turned dark (inverted, hues turned back) so a light map does not
 *  glare in a dark page. */
export const MAP_CONTAINER_CLASS =
  "folio-map isolate overflow-hidden rounded-lg border border-slate-200 bg-slate-100! dark:border-slate-700 dark:bg-slate-800! dark:[&_.leaflet-tile-pane]:[filter:invert(1)_hue-rotate(180deg)_brightness(0.9)_contrast(0.9)]";

export type TileStatus = "loading" | "ok" | "unavailable";

/**
 * A Leaflet map in `element`, with the tile layer of `tileUrl` (Leaflet's template) unless
 * null. `onTiles` hears "ok" once a tile loaded, "unavailable" once tiles failed and none has
 * loaded. The tiles are fetched with the page's origin as their Referer (OpenStreetMap's tile
 * policy asks for one; Folio's pages otherwise send none off-site), never the path.
 */
export function createBaseMap(element: HTMLElement, opts: { tileUrl: string | null; interactive?: boolean; onTiles?: (status: TileStatus) => void }) {
  const interactive = opts.interactive ?? true;
  const map = L.map(element, {
    attributionControl: false,
    zoomControl: interactive,
    dragging: interactive,
    scrollWheelZoom: interactive,
    doubleClickZoom: interactive,
    boxZoom: interactive,
    keyboard: interactive,
    touchZoom: interactive,
    worldCopyJump: true,
    minZoom: 1,
    maxZoom: 19,
  });
  if (opts.tileUrl) {
    let loaded = false;
    const layer = L.tileLayer(opts.tileUrl, { maxZoom: 19, referrerPolicy: "strict-origin", detectRetina: false });
    layer.on("tileload", () => {
      if (!loaded) opts.onTiles?.("ok");
      loaded = true;
    });
    layer.on("tileerror", () => {
      if (!loaded) opts.onTiles?.("unavailable");
    });
    layer.addTo(map);
  }
  return map;
}

export { L };
