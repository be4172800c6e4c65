"use client";

type Tile = { id: string; fileName: string; thumbnailState: string; favorite: boolean; animated: boolean };

/** One square of the timeline: the small thumbnail (an animated photo's first frame; the viewer
 *  plays it), a favorite star, and a button that opens the viewer. */
export function PhotoTile({ item, onOpen }: { item: Tile; onOpen: () => void }) {
  return (
    <li className="relative aspect-square overflow-hidden rounded bg-slate-200">
      <button type="button" className="h-full w-full" onClick={onOpen} aria-label={`Open ${item.fileName}`}>
        {item.thumbnailState === "ready" ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={`/api/media/${item.id}/thumbnail?size=small`} alt={item.fileName} loading="lazy" className="h-full w-full object-cover" />
        ) : (
          <span className="flex h-full items-center justify-center p-1 text-center text-xs text-slate-500">No preview</span>
        )}
      </button>
      {item.favorite && (
        <span aria-label="Favorite" className="pointer-events-none absolute right-1 top-1 text-sm text-amber-400 drop-shadow">
          ★
        </span>
      )}
      {item.animated && (
        <span aria-label="Animated" className="pointer-events-none absolute bottom-1 left-1 rounded bg-black/60 px-1 text-[10px] font-semibold text-white">
          ▶
        </span>
      )}
    </li>
  );
}
