"use client";
import { memo } from "react";
import type { TimelineRow } from "~/lib/timeline-layout";
import { allSelected } from "~/lib/timeline-selection";
import { CheckIcon } from "./media-icons";
import { PhotoTile } from "./photo-tile";
import type { TimelinePhoto } from "./use-timeline-data";

type Handlers = {
  selected: ReadonlySet<string>;
  selecting: boolean;
  onOpen: (id: string) => void;
  onSelect: (id: string, range: boolean) => void;
  onSelectDay: (ids: string[]) => void;
  /** the placeholder's grey boxes: about one photo's size */
  boxWidth: number;
  boxHeight: number;
};

const placed = (top: number, height: number) => ({ top, height });

/** A day's heading with its check, which selects the whole day (or clears it when all of it was). */
const DayHeading = memo(function DayHeading({ heading, ids, top, height, checked, selecting, onSelectDay }: { heading: string; ids: string[]; top: number; height: number; checked: boolean; selecting: boolean; onSelectDay: (ids: string[]) => void }) {
  return (
    <div className="group absolute inset-x-0 flex items-center gap-2" style={placed(top, height)}>
      <button
        type="button"
        role="checkbox"
        aria-checked={checked}
        aria-label={`Select ${heading}`}
        onClick={() => onSelectDay(ids)}
        className={`flex h-5 w-5 shrink-0 items-center justify-center rounded-full border-2 transition-opacity focus-visible:opacity-100 ${
          checked ? "border-brand bg-brand text-white" : `border-slate-400 text-transparent hover:text-slate-500 dark:border-slate-500 ${selecting ? "" : "opacity-0 group-hover:opacity-100 pointer-coarse:opacity-100"}`
        }`}
      >
        <CheckIcon className="h-3 w-3" />
      </button>
      <h3 className="text-xs font-medium text-slate-600 dark:text-slate-400">{heading}</h3>
    </div>
  );
});

/**
 * One row of the timeline at `top` px inside its month's section: the month's heading, a day's
 * heading, a justified row of photos, or grey boxes standing in for photos still to load.
 */
export function TimelineRowView({ row, top, h }: { row: TimelineRow<TimelinePhoto>; top: number; h: Handlers }) {
  switch (row.kind) {
    case "month":
      return (
        <h2 className="absolute inset-x-0 flex items-end pb-2 text-lg font-semibold text-slate-800 dark:text-slate-100" style={placed(top, row.height)}>
          {row.heading}
        </h2>
      );
    case "day":
      return <DayHeading heading={row.heading} ids={row.ids} top={top} height={row.height} checked={allSelected(h.selected, row.ids)} selecting={h.selecting} onSelectDay={h.onSelectDay} />;
    case "photos":
      return (
        <ul className="absolute inset-x-0" style={placed(top, row.height)}>
          {row.tiles.map((t) => (
            <PhotoTile key={t.item.id} item={t.item} box={t} selected={h.selected.has(t.item.id)} selecting={h.selecting} onOpen={h.onOpen} onSelect={h.onSelect} />
          ))}
        </ul>
      );
    case "placeholder": {
      // grey boxes the size of a photo, drawn by the background alone (no element per box)
      const cell = `${h.boxWidth + 4}px ${h.boxHeight + 4}px`;
      const mask = "linear-gradient(90deg, #000 calc(100% - 4px), transparent 0), linear-gradient(180deg, #000 calc(100% - 4px), transparent 0)";
      return (
        <div
          aria-hidden
          data-placeholder={row.month}
          className="absolute inset-x-0 animate-pulse bg-slate-200 dark:bg-slate-800"
          style={{ ...placed(top, Math.max(0, row.height - 4)), maskImage: mask, maskSize: cell, maskComposite: "intersect" }}
        />
      );
    }
  }
}
