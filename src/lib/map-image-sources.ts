// This server process's view of where the map's tiles come from, for the pages' img-src. The
// proxy (src/proxy.ts) may import only src/lib and env, never the database, so the server
// keeps the value here: boot sets it, an admin's change sets it at once in the process that
// made it, and a timer (services/maps.ts followMapSettings) re-reads it from the database every
// MAP_SETTINGS_REFRESH_MS, so other processes on one database follow within that time. It lives
// on globalThis: the proxy, instrumentation and route handlers are separate bundles with their
// own module instances in one Node.js process (scripts/server.mjs runs Next's handler
// in-process, and a proxy runs on the Node.js runtime).

/** How often a server process re-reads the map settings from the database, in ms. */
export const MAP_SETTINGS_REFRESH_MS = 5_000;

const holder = globalThis as unknown as { __folioMapImageSources?: string[] };

/** The img-src sources the map needs now: the tile server's origin while maps are on; none
 *  while they are off, or before this process has read the settings (a policy that does not
 *  know the tile server leaves it out: the map then shows its markers on a plain background). */
export function mapImageSources(): string[] {
  return holder.__folioMapImageSources ?? [];
}

/** Sets what mapImageSources answers in this process (CSP source expressions). */
export function setMapImageSources(sources: string[]) {
  holder.__folioMapImageSources = [...sources];
}
