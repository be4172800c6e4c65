"use client";
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { CloseIcon, InfoIcon, SlideshowIcon, StarIcon, ZoomIcon } from "./viewer-icons";

type Props = {
  titleId: string;
  title: string;
  /** the info panel's element id, and whether it is shown */
  infoId: string;
  info: boolean;
  onInfo: () => void;
  favorite: boolean | null;
  onFavorite: () => void;
  slideshow: boolean;
  onSlideshow: () => void;
  /** null when the item does not zoom (a video, no preview) */
  onZoom: { in: () => void; out: () => void } | null;
  onClose: () => void;
  className?: string;
};

const round = "flex h-11 w-11 shrink-0 items-center justify-center rounded-full hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-sky-400 disabled:opacity-40";

function ToolButton({ label, keys, className = "", ...rest }: { label: string; keys: string; className?: string; children: ReactNode } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" aria-label={label} aria-keyshortcuts={keys} title={`${label} (${keys})`} className={`${round} ${className}`} {...rest} />;
}

/** The viewer's bar: close, the file name, zoom, slideshow, favorite and the info panel; each
 *  button names its key. On a phone it sits at the bottom, under the thumb. */
export function ViewerToolbar(p: Props) {
  return (
    <div className={`flex h-14 shrink-0 items-center gap-1 bg-black/80 px-1 sm:px-2 ${p.className ?? ""}`}>
      <ToolButton label="Close" keys="Escape" onClick={p.onClose}>
        <CloseIcon />
      </ToolButton>
      <h2 id={p.titleId} className="min-w-0 flex-1 truncate px-1 text-sm font-medium">
        {p.title}
      </h2>
      {/* pinching does this on a phone */}
      <ToolButton label="Zoom out" keys="-" className="hidden sm:flex" disabled={!p.onZoom} onClick={p.onZoom?.out}>
        <ZoomIcon out />
      </ToolButton>
      <ToolButton label="Zoom in" keys="+" className="hidden sm:flex" disabled={!p.onZoom} onClick={p.onZoom?.in}>
        <ZoomIcon />
      </ToolButton>
      <ToolButton label="Slideshow" keys="S" aria-pressed={p.slideshow} onClick={p.onSlideshow}>
        <SlideshowIcon playing={p.slideshow} />
      </ToolButton>
      <ToolButton
        label="Favorite"
        keys="F"
        aria-pressed={p.favorite ?? false}
        disabled={p.favorite === null}
        className={p.favorite ? "text-amber-300" : ""}
        onClick={p.onFavorite}
      >
        <StarIcon filled={!!p.favorite} />
      </ToolButton>
      <ToolButton label="Info" keys="I" aria-expanded={p.info} aria-controls={p.infoId} onClick={p.onInfo}>
        <InfoIcon />
      </ToolButton>
    </div>
  );
}
