"use client";
import { memo, useId, type MouseEvent } from "react";
import type { z } from "zod";
import { formatDuration, spokenDuration } from "~/lib/duration";
import type { photoPageSchema } from "~/lib/photos";
import { CheckIcon, LiveIcon, PlayIcon } from "./media-icons";

type Item = z.infer<typeof photoPageSchema>["items"][number];
type Tile = Pick<Item, "id" | "fileName" | "thumbnailState" | "favorite" | "animated" | "mediaType" | "durationMs" | "hasMotion">;
export type TileBox = { left: number; width: number; height: number };

const mark = "pointer-events-none absolute flex items-center gap-0.5 rounded bg-black/60 text-white drop-shadow";
/** Past this many px on its long side a tile takes the large preview (1280 px, about ten times
 *  the bytes); up to it the small one (256 px) is stretched a little: most tiles of a grid. */
const SMALL_UP_TO = 400;

/** A thumbnail that leaves the DOM still loading stops loading (Chromium keeps fetching an image
 *  removed from the page otherwise): scrolling fast past thousands of photos must not queue
 *  their thumbnails ahead of what comes on screen. */
const stopWhenGone = (img: HTMLImageElement | null) => () => {
  if (img && !img.complete) img.removeAttribute("src");
};

type Props = {
  item: Tile;
  box: TileBox;
  selected: boolean;
  /** something is selected: every check mark shows, and shift-click on a tile picks a range */
  selecting: boolean;
  onOpen: (id: string) => void;
  /** `range`: shift was held, for the range from the last clicked photo */
  onSelect: (id: string, range: boolean) => void;
};

/**
 * One photo of a justified row, `box` in px (left within its row): the thumbnail at the
 * photo's own aspect ratio (a video's poster frame, an animated photo's first frame; the viewer
 * plays them), marks for a favorite, a video (with its length), a live or motion photo and an
 * animated one, a button that opens the viewer and a check mark that selects it (shown on hover,
 * focus and touch screens, and on every tile once something is selected).
 */
export const PhotoTile = memo(function PhotoTile({ item, box, selected, selecting, onOpen, onSelect }: Props) {
  const id = useId();
  const video = item.mediaType === "video";
  const clock = video ? formatDuration(item.durationMs) : null;
  const videoLabel = ["Video", spokenDuration(item.durationMs)].filter(Boolean).join(", ");
  // the marks sit beside the button, so the button names them as its description
  const described = [video && `${id}-video`, item.hasMotion && `${id}-live`, item.animated && `${id}-animated`].filter(Boolean).join(" ");
  const size = Math.max(box.width, box.height) > SMALL_UP_TO ? "large" : "small";
  const open = (e: MouseEvent) => {
    if (e.shiftKey && selecting) onSelect(item.id, true);
    else onOpen(item.id);
  };
  return (
    <li
      className={`group absolute top-0 overflow-hidden bg-slate-200 dark:bg-slate-800 ${selected ? "rounded-md ring-4 ring-inset ring-brand" : ""}`}
      style={{ left: box.left, width: box.width, height: box.height }}
    >
      <button
        type="button"
        className={`block h-full w-full transition-transform ${selected ? "scale-[0.88] rounded" : ""} overflow-hidden`}
        onClick={open}
        aria-label={`Open ${item.fileName}`}
        aria-describedby={described || undefined}
      >
        {item.thumbnailState === "ready" ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img ref={stopWhenGone} src={`/api/media/${item.id}/thumbnail?size=${size}`} alt={item.fileName} loading="lazy" decoding="async" className="h-full w-full object-cover" />
        ) : (
          <span className="flex h-full items-center justify-center p-1 text-center text-xs text-slate-500 dark:text-slate-400">No preview</span>
        )}
      </button>
      <button
        type="button"
        role="checkbox"
        aria-checked={selected}
        aria-label={`Select ${item.fileName}`}
        onClick={(e) => onSelect(item.id, e.shiftKey)}
        className={`absolute left-1 top-1 flex h-6 w-6 items-center justify-center rounded-full border-2 transition-opacity focus-visible:opacity-100 ${
          selected ? "border-white bg-brand text-white opacity-100" : `border-white/90 bg-black/25 text-transparent hover:text-white/80 ${selecting ? "opacity-100" : "opacity-0 group-hover:opacity-100 pointer-coarse:opacity-100"}`
        }`}
      >
        <CheckIcon />
      </button>
      {item.favorite && (
        <span aria-label="Favorite" className="pointer-events-none absolute bottom-1 left-1.5 text-sm text-amber-400 drop-shadow">
          ★
        </span>
      )}
      {video && (
        <span id={`${id}-video`} role="img" aria-label={videoLabel} title={videoLabel} className={`${mark} bottom-1 right-1 px-1 py-px text-[10px] font-semibold tabular-nums`}>
          <PlayIcon className="h-2.5 w-2.5" />
          {clock}
        </span>
      )}
      {item.hasMotion && (
        <span id={`${id}-live`} role="img" aria-label="Live photo" title="Live photo" className={`${mark} right-1 top-1 p-0.5`}>
          <LiveIcon className="h-3.5 w-3.5" />
        </span>
      )}
      {item.animated && (
        <span id={`${id}-animated`} role="img" aria-label="Animated" className={`${mark} right-1 top-1 px-1 text-[10px] font-semibold`}>
          ▶
        </span>
      )}
    </li>
  );
});
