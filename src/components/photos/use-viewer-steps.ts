"use client";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { MonthState } from "~/lib/timeline-layout";
import { UNDATED, type TimelinePhoto } from "./use-timeline-data";

type Data = { months: MonthState<TimelinePhoto>[]; load: (month: string) => Promise<void> };

/** The month a photo's local time puts it in, as the `month` filter names it. */
const monthOf = (p: TimelinePhoto) => (p.takenAtLocal ? p.takenAtLocal.slice(0, 7) : UNDATED);

/** Until React has rendered what a fetch brought (the refs below follow each render). */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Pages one request for the photo before or after may load: a month of 100,000 photos is 500. */
const MAX_LOADS = 600;

/**
 * The viewer's previous and next in the order the timeline shows (months, days, rows), loading
 * what is missing on the way: the rest of the month the open photo is in, or the month after it
 * that has not loaded yet (the one before, when going back). `open` is the open photo's id.
 */
export function useViewerSteps(open: string | null, order: TimelinePhoto[], data: Data, setOpen: (id: string) => void) {
  const latest = useRef({ order, months: data.months });
  useEffect(() => {
    latest.current = { order, months: data.months };
  }, [order, data.months]);
  const { load } = data;

  const index = useMemo(() => (open ? order.findIndex((p) => p.id === open) : -1), [open, order]);
  const months = data.months;
  const current = index >= 0 ? monthOf(order[index]!) : null;
  const monthIndex = current ? months.findIndex((m) => m.month === current) : -1;

  const step = useCallback(
    async (by: 1 | -1) => {
      for (let loads = 0; loads < MAX_LOADS; loads++) {
        const { order: now, months: all } = latest.current;
        const i = now.findIndex((p) => p.id === open);
        if (i < 0) return;
        const here = monthOf(now[i]!);
        const m = all.findIndex((x) => x.month === here);
        const neighbour = now[i + by];
        if (neighbour && monthOf(neighbour) === here) {
          setOpen(neighbour.id);
          return;
        }
        // past the loaded end of this month: the rest of it comes first
        if (by === 1 && all[m] && !all[m].complete) await load(here);
        else {
          // the next month along that holds photos (months that loaded empty are skipped)
          let k = m + by;
          while (all[k] && all[k]!.complete && !all[k]!.items.length) k += by;
          const next = all[k];
          if (!next) return;
          // forwards its first photos are enough; backwards its last is needed, so all of it
          const ready = by === 1 ? next.items.length > 0 : next.complete;
          if (ready) {
            if (neighbour) setOpen(neighbour.id);
            return;
          }
          await load(next.month);
        }
        await nextFrame();
      }
    },
    [open, load, setOpen],
  );

  const hasNext = index >= 0 && (index < order.length - 1 || months.slice(Math.max(0, monthIndex)).some((m) => !m.complete));
  const hasPrevious = index > 0 || (monthIndex > 0 && months.slice(0, monthIndex).some((m) => !m.complete));
  // the photos either side already loaded, for the viewer to load ahead (a month not loaded yet
  // in between makes it a guess, which costs one preview)
  const nextId = index >= 0 ? order[index + 1]?.id : undefined;
  const previousId = index > 0 ? order[index - 1]?.id : undefined;
  return { hasNext, hasPrevious, nextId, previousId, next: () => step(1), previous: () => void step(-1) };
}
