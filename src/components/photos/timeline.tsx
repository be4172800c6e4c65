"use client";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { anchoredScroll, layoutTimeline, rowAt, targetRowHeight, type TimelineRow } from "~/lib/timeline-layout";
import { toggled, withAllOrNone, withRange } from "~/lib/timeline-selection";
import type { TimelineSource } from "~/lib/timeline-source";
import { EmptyState } from "../empty-state";
import { Alert } from "../ui/alert";
import { PhotoViewer } from "./photo-viewer";
import { SelectionBar } from "./selection-bar";
import { TimelineRowView } from "./timeline-rows";
import { SCRUBBER_WIDTH, TimelineScrubber } from "./timeline-scrubber";
import { useTimelineData, type TimelinePhoto } from "./use-timeline-data";
import { useViewerSteps } from "./use-viewer-steps";

export type { TimelineSource } from "~/lib/timeline-source";

type Props = { source: TimelineSource; emptyTitle: string; emptyText: string };

/** Rows kept in the DOM above and below the screen (~1,300 px on a desktop). */
const OVERSCAN = 6;
/** How long the rows near the screen must stay before their months are fetched: a drag on the
 *  scrubber across ten years asks for none of the months it passes. */
const SETTLE_MS = 80;

/** The grid's width (the element's, less what the scrubber covers of it) and its distance from
 *  the document's top, kept up to date as the window or anything above the grid changes. */
function useGridBox() {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [box, setBox] = useState({ width: 0, top: 0 });
  useLayoutEffect(() => {
    const el = element;
    if (!el) return;
    const measure = () => {
      const rect = el.getBoundingClientRect();
      const scrubber = window.innerWidth < 640 ? SCRUBBER_WIDTH.phone : SCRUBBER_WIDTH.wide;
      const covered = Math.max(0, scrubber - (window.innerWidth - rect.right));
      const width = Math.floor(rect.width - covered);
      const top = Math.round(rect.top + window.scrollY);
      setBox((b) => (b.width === width && b.top === top ? b : { width, top }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // content above the grid (a scan's progress, an alert) moves it down
    if (el.parentElement) observer.observe(el.parentElement);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [element]);
  return { setElement, element, ...box };
}

/** Where the scrubber's marker goes: the month at the screen's top and how far into it, or the
 *  end of the last month when the page can scroll no further (the oldest months may be too short
 *  to reach the top). */
function scrubberPosition(rows: TimelineRow<TimelinePhoto>[], months: Map<string, { top: number; height: number }> | undefined, y: number, buckets: { month: string }[] | undefined) {
  const last = buckets?.at(-1)?.month;
  if (last && typeof window !== "undefined" && y > 0 && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2) return { month: last, fraction: 1 };
  // scrolling snaps to whole device pixels and rows start at fractions of one: a jump to a
  // month's top may land a fraction above it, which must still count as that month
  const row = rows[Math.max(0, rowAt(rows, y + 2))];
  const span = row ? months?.get(row.month) : undefined;
  if (!row || !span || row.month === "undated") return null;
  return { month: row.month, fraction: Math.min(1, Math.max(0, (y - span.top) / span.height)) };
}

/** Grey rows while the months are asked for. */
function Skeleton() {
  return (
    <div aria-hidden className="animate-pulse space-y-1">
      <div className="mb-3 h-6 w-40 rounded bg-slate-200 dark:bg-slate-800" />
      {[0, 1, 2].map((r) => (
        <div key={r} className="flex gap-1">
          {[1.5, 0.75, 1.33, 1.5, 1].map((ratio, i) => (
            <div key={i} className="h-28 rounded-sm bg-slate-200 sm:h-48 dark:bg-slate-800" style={{ flexGrow: ratio, flexBasis: 0 }} />
          ))}
        </div>
      ))}
    </div>
  );
}

/**
 * Photos of `source` newest first, month by month under month and day headings cut on the
 * local time where each was taken (never the browser's zone), in justified rows. Only the rows
 * near the screen are in the DOM; a month is a grey placeholder of estimated height until it
 * comes near, then its pages load, and the page keeps what is on screen in place as months above
 * change size. A scrubber on the right jumps to any month; check marks select photos (shift for
 * a range, a day's check for the day, Escape clears) for the bulk actions of the selection bar.
 */
export function Timeline(props: Props) {
  // a new source is a new timeline: nothing loaded, selected or scrolled carries over
  return <TimelineGrid key={JSON.stringify(props.source)} {...props} />;
}

function TimelineGrid({ source, emptyTitle, emptyText }: Props) {
  const data = useTimelineData(source);
  const { setElement: setGridElement, element: gridElement, width: gridWidth, top: gridTop } = useGridBox();
  const layout = useMemo(() => (gridWidth > 0 ? layoutTimeline(data.months, gridWidth) : null), [data.months, gridWidth]);
  const rows = useMemo(() => layout?.rows ?? [], [layout]);
  const order = useMemo(() => layout?.order ?? [], [layout]);

  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows]);
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize: (i) => rows[i]?.height ?? 0, getItemKey, overscan: OVERSCAN, scrollMargin: gridTop });
  const visible = virtualizer.getVirtualItems();

  // months above the screen that load or reload change size: keep what is on screen in place
  const shown = useRef<{ rows: TimelineRow<TimelinePhoto>[]; top: number }>({ rows: [], top: 0 });
  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = { rows, top: gridTop };
    if (before.rows === rows || !before.rows.length || !rows.length) return;
    const y = window.scrollY - before.top;
    const next = anchoredScroll(before.rows, rows, y);
    if (Math.abs(next - y) >= 1) window.scrollTo({ top: gridTop + next, behavior: "instant" });
  }, [rows, gridTop]);

  // fetch the months whose placeholders are near the screen, once the screen settles there
  const first = visible[0]?.index ?? -1;
  const last = visible[visible.length - 1]?.index ?? -1;
  const { load, busy } = data;
  useEffect(() => {
    if (first < 0) return;
    const timer = setTimeout(() => {
      const months = new Set<string>();
      for (let i = first; i <= last; i++) {
        const row = rows[i];
        if (row?.kind === "placeholder") months.add(row.month);
      }
      for (const month of months) if (!busy(month)) void load(month);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [first, last, rows, load, busy]);

  // selection
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const lastClicked = useRef<string | null>(null);
  const orderIds = useRef<string[]>([]);
  useEffect(() => {
    orderIds.current = order.map((p) => p.id);
    // photos that left the timeline (taken out of the album or the favorites) leave the selection
    const present = new Set(orderIds.current);
    setSelected((s) => ([...s].every((id) => present.has(id)) ? s : new Set([...s].filter((id) => present.has(id)))));
  }, [order]);
  const onSelect = useCallback((id: string, range: boolean) => {
    // read now: the updater runs at the next render, after the ref moved on
    const from = lastClicked.current;
    const order = orderIds.current;
    setSelected((s) => (range ? withRange(s, order, from, id) : toggled(s, id)));
    lastClicked.current = id;
  }, []);
  const onSelectDay = useCallback((ids: string[]) => setSelected((s) => withAllOrNone(s, ids)), []);
  const clear = useCallback(() => {
    setSelected(new Set());
    lastClicked.current = null;
  }, []);

  // the viewer
  const [open, setOpen] = useState<string | null>(null);
  const onOpen = useCallback((id: string) => setOpen(id), []);
  const steps = useViewerSteps(open, order, data, setOpen);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Escape closes the viewer or a dialog first
      if (e.key !== "Escape" || e.defaultPrevented || open !== null || document.querySelector("dialog[open]")) return;
      clear();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, clear]);

  const closeViewer = useCallback(() => {
    // back in the grid where the last photo shown is
    const row = open ? rows.find((r) => r.kind === "photos" && r.tiles.some((t) => t.item.id === open)) : null;
    if (row) {
      const top = gridTop + row.top;
      if (top < window.scrollY || top + row.height > window.scrollY + window.innerHeight) window.scrollTo({ top: top - 80, behavior: "instant" });
    }
    setOpen(null);
  }, [open, rows, gridTop]);

  // where the screen is, for the scrubber's marker
  const position = scrubberPosition(rows, layout?.months, (virtualizer.scrollOffset ?? 0) - gridTop, data.buckets);
  const jump = useCallback(
    (month: string, fraction: number) => {
      const target = layout?.months.get(month);
      if (target) window.scrollTo({ top: gridTop + target.top + fraction * target.height, behavior: "instant" });
    },
    [layout, gridTop],
  );

  const selecting = selected.size > 0;
  const rowHeight = targetRowHeight(gridWidth || 1000);
  const handlers = { selected, selecting, onOpen, onSelect, onSelectDay, boxWidth: Math.round(rowHeight * 1.4), boxHeight: rowHeight };
  const headings = useMemo(() => new Map(data.months.map((m) => [m.month, m.heading])), [data.months]);

  // the rows on screen, inside a region per month (named by the month, for screen readers)
  const sections: { month: string; rows: { row: TimelineRow<TimelinePhoto>; index: number }[] }[] = [];
  for (const v of visible) {
    const row = rows[v.index];
    if (!row) continue;
    const section = sections[sections.length - 1];
    if (section?.month === row.month) section.rows.push({ row, index: v.index });
    else sections.push({ month: row.month, rows: [{ row, index: v.index }] });
  }

  const empty = !!layout && data.buckets?.length === 0 && rows.every((r) => r.kind === "placeholder") && data.months.every((m) => m.complete);
  const selectedPhotos = useMemo(() => order.filter((p) => selected.has(p.id)), [order, selected]);
  const albumId = source.input.albumId;

  return (
    <div className={selecting ? "pb-24" : undefined}>
      {data.error && <Alert className="mb-4">{data.error.message}</Alert>}
      {empty && <EmptyState title={emptyTitle}>{emptyText}</EmptyState>}
      {(!layout || data.pending) && !data.error && <Skeleton />}
      <div ref={setGridElement} className="relative" style={{ height: layout?.height ?? 0, overflowAnchor: "none" }}>
        {layout &&
          sections.map(({ month, rows: inSection }) => {
            const at = layout.months.get(month)!;
            return (
              <section key={month} aria-label={headings.get(month)} className="absolute left-0" style={{ top: at.top, height: at.height, width: gridWidth }}>
                {inSection.map(({ row }) => (
                  <TimelineRowView key={row.key} row={row} top={row.top - at.top} h={handlers} />
                ))}
              </section>
            );
          })}
      </div>
      {data.buckets && data.buckets.length > 0 && <TimelineScrubber buckets={data.buckets} position={position} anchor={gridElement} onJump={jump} />}
      {selecting && <SelectionBar selected={selectedPhotos} albumId={albumId} onClear={clear} />}
      {open !== null && (
        <PhotoViewer
          id={open}
          hasPrevious={steps.hasPrevious}
          hasNext={steps.hasNext}
          previousId={steps.previousId}
          nextId={steps.nextId}
          onPrevious={steps.previous}
          onNext={steps.next}
          onClose={closeViewer}
        />
      )}
    </div>
  );
}
