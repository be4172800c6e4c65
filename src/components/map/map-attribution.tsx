import { attributionParts } from "~/lib/map-tiles";
import type { TileStatus } from "./base-map";

/** The tile server's attribution in the map's corner (text and http(s) links only: the admin's
 *  HTML never reaches the page as HTML), and, when no tile could be loaded, a quiet note that
 *  the markers stand on a plain background. */
export function MapOverlays({ attribution, tiles }: { attribution: string; tiles: TileStatus }) {
  const parts = attributionParts(attribution);
  return (
    <>
      {tiles === "unavailable" && (
        <p
          role="status"
          data-testid="tiles-unavailable"
          className="pointer-events-none absolute left-1/2 top-2 z-10 max-w-[80%] -translate-x-1/2 rounded bg-white/85 px-2 py-1 text-center text-xs text-slate-600 shadow-sm dark:bg-slate-900/85 dark:text-slate-300"
        >
          No map background: the tile server could not be reached. The photos&apos; positions are shown on a plain background.
        </p>
      )}
      {parts.length > 0 && tiles !== "unavailable" && (
        <p className="absolute bottom-0 right-0 z-10 max-w-full truncate rounded-tl bg-white/80 px-1.5 py-0.5 text-[11px] text-slate-700 dark:bg-slate-900/80 dark:text-slate-300">
          {parts.map((p, i) =>
            p.href ? (
              <a key={i} href={p.href} target="_blank" rel="noopener noreferrer" className="underline hover:text-brand">
                {p.text}
              </a>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </p>
      )}
    </>
  );
}
