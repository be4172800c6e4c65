"use client";
import { useId } from "react";
import type { z } from "zod";
import { formatDuration, spokenDuration } from "~/lib/duration";
import type { photoPageSchema } from "~/lib/photos";
import { LiveIcon, PlayIcon } from "./media-icons";

type Item = z.infer<typeof photoPageSchema>["items"][number];
type Tile = Pick<Item, "id" | "fileName" | "thumbnailState" | "favorite" | "animated" | "mediaType" | "durationMs" | "hasMotion">;

const mark = "pointer-events-none absolute flex items-center gap-0.5 rounded bg-black/60 text-white drop-shadow";

/** One square of the timeline: the small thumbnail (a video's poster frame, an animated photo's
 *  first frame; the viewer plays them), a favorite star, marks for a video (with its length), a
 *  live or motion photo and an animated one, and a button that opens the viewer. */
export function PhotoTile({ item, onOpen }: { item: Tile; onOpen: () => void }) {
  const id = useId();
  const video = item.mediaType === "video";
  const clock = video ? formatDuration(item.durationMs) : null;
  const videoLabel = ["Video", spokenDuration(item.durationMs)].filter(Boolean).join(", ");
  // the marks sit beside the button, so the button names them as its description
  const described = [video && `${id}-video`, item.hasMotion && `${id}-live`, item.animated && `${id}-animated`].filter(Boolean).join(" ");
  return (
    <li className="relative aspect-square overflow-hidden rounded bg-slate-200">
      <button type="button" className="h-full w-full" onClick={onOpen} aria-label={`Open ${item.fileName}`} aria-describedby={described || undefined}>
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
      {video && (
        <span id={`${id}-video`} role="img" aria-label={videoLabel} title={videoLabel} className={`${mark} bottom-1 right-1 px-1 py-px text-[10px] font-semibold tabular-nums`}>
          <PlayIcon className="h-2.5 w-2.5" />
          {clock}
        </span>
      )}
      {item.hasMotion && (
        <span id={`${id}-live`} role="img" aria-label="Live photo" title="Live photo" className={`${mark} left-1 top-1 p-0.5`}>
          <LiveIcon className="h-3.5 w-3.5" />
        </span>
      )}
      {item.animated && (
        <span id={`${id}-animated`} role="img" aria-label="Animated" className={`${mark} bottom-1 left-1 px-1 text-[10px] font-semibold`}>
          ▶
        </span>
      )}
    </li>
  );
}
