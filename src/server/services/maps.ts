// The map's settings as every signed-in page needs them, and this process's copy of the tile
// origin that src/proxy.ts puts into the pages' Content-Security-Policy (lib/map-image-sources.ts).
import { MAP_SETTINGS_REFRESH_MS, setMapImageSources } from "~/lib/map-image-sources";
import { tileOrigin } from "~/lib/map-tiles";
import { readSiteSettings } from "~/server/db/site-settings";

export type MapSettings = { enabled: boolean; tileUrl: string; attribution: string };

type StoredMapSettings = { mapsEnabled: boolean; mapTileUrl: string };

/** Tells this process's proxy which tile origin pages may load images from: the stored tile
 *  URL's origin while maps are on, nothing while they are off. */
export function publishMapImageSources({ mapsEnabled, mapTileUrl }: StoredMapSettings) {
  const origin = mapsEnabled ? tileOrigin(mapTileUrl) : null;
  setMapImageSources(origin ? [origin] : []);
}

/** `{ enabled, tileUrl, attribution }`: whether maps are on, the tile URL template ({z}, {x},
 *  {y}, {s}, {r}) and the attribution (HTML of text and links; lib/map-tiles.ts
 *  attributionParts says what is shown). Also refreshes this process's tile origin. */
export async function getMapSettings(): Promise<MapSettings> {
  const s = await readSiteSettings();
  publishMapImageSources(s);
  return { enabled: s.mapsEnabled, tileUrl: s.mapTileUrl, attribution: s.mapAttribution };
}

const timers = globalThis as unknown as { __folioMapSettingsTimer?: NodeJS.Timeout };

/**
 * Reads the map settings now and again every MAP_SETTINGS_REFRESH_MS (5 s), so the pages'
 * policy of this process follows a change another process made on the same database within
 * that time. Once per process (a second call only reads now); the timer keeps no process
 * alive. A failed read keeps the last value and is logged once until a read succeeds again.
 * Returns a function that stops following.
 */
export async function followMapSettings(log: (message: string) => void): Promise<() => void> {
  const stop = () => {
    clearInterval(timers.__folioMapSettingsTimer);
    timers.__folioMapSettingsTimer = undefined;
  };
  let failing = false;
  const refresh = async () => {
    try {
      publishMapImageSources(await readSiteSettings());
      failing = false;
    } catch (e) {
      if (!failing) log(`could not read the map settings: ${e instanceof Error ? e.message : String(e)}`);
      failing = true;
    }
  };
  timers.__folioMapSettingsTimer ??= setInterval(() => void refresh(), MAP_SETTINGS_REFRESH_MS).unref();
  await refresh();
  return stop;
}
