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

/** "ok" when a tile of `pane` shows, "unavailable" when tiles failed and none shows, else
 *  "loading". Read from the tiles themselves: an image that finished without pixels failed. */
function tileStatusOf(pane: HTMLElement): TileStatus {
  const tiles = [...pane.querySelectorAll<HTMLImageElement>("img.leaflet-tile")];
  if (tiles.some((t) => t.classList.contains("leaflet-tile-loaded"))) return "ok";
  return tiles.some((t) => t.complete && t.naturalWidth === 0) ? "unavailable" : "loading";
}

/**
 * A Leaflet map in `element`, with the tile layer of `tileUrl` (Leaflet's template) unless
 * null. `onTiles` hears "ok" once a tile shows, "unavailable" while tiles failed and none
 * shows (told by the tile events and checked every second as well, so no missed event leaves
 * the map saying nothing). The tiles are fetched with the page's origin as their Referer
 * (OpenStreetMap's tile policy asks for one; Folio's pages otherwise send none off-site), never
 * the path.
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
    const layer = L.tileLayer(opts.tileUrl, { maxZoom: 19, referrerPolicy: "strict-origin" });
    let told: TileStatus = "loading";
    const check = () => {
      const status = tileStatusOf(map.getPane("tilePane") ?? element);
      // once told, a pan's tiles on their way change nothing until one shows or all fail
      if (status !== "loading" && status !== told) opts.onTiles?.((told = status));
    };
    layer.on("tileload tileerror load", check);
    const timer = setInterval(check, 1_000);
    map.on("unload", () => clearInterval(timer));
    layer.addTo(map);
  }
  return map;
}

export { L };
