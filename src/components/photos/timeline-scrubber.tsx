"use client";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { scrubberSegments, segmentAt, yearMarks, type Bucket } from "~/lib/timeline-scrubber";

type Props = {
  buckets: Bucket[];
  /** the month at the top of the screen and how far into it (0-1) */
  position: { month: string; fraction: number } | null;
  /** the timeline element: the scrubber starts level with its top */
  anchor: HTMLElement | null;
  onJump: (month: string, fraction: number) => void;
};

/** The scrubber's width in px, below Tailwind's `sm` breakpoint and from it: the grid leaves
 *  room for it where the page's margin is narrower. */
export const SCRUBBER_WIDTH = { phone: 16, wide: 56 } as const;

/** Keeps the scrubber between the timeline's top (or the window's) and the window's bottom. */
function useBand(anchor: HTMLElement | null) {
  const [band, setBand] = useState({ top: 0, height: 0 });
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const top = Math.max(8, Math.round(anchor?.getBoundingClientRect().top ?? 0));
      const height = Math.max(0, window.innerHeight - top - 8);
      setBand((b) => (b.top === top && b.height === height ? b : { top, height }));
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", later, { passive: true });
    window.addEventListener("resize", later);
    return () => {
      window.removeEventListener("scroll", later);
      window.removeEventListener("resize", later);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [anchor]);
  return band;
}

/**
 * The date scrubber on the right edge: every month a slice in proportion to its photos, years
 * labelled, a line where the screen is. Hovering names the month under the pointer; a click or a
 * drag (mouse, pen or finger) jumps there at once; as a slider, the arrow keys move a month and
 * Page Up/Down a year.
 */
export function TimelineScrubber({ buckets, position, anchor, onJump }: Props) {
  const band = useBand(anchor);
  const segments = useMemo(() => scrubberSegments(buckets, band.height), [buckets, band.height]);
  const years = useMemo(() => yearMarks(segments), [segments]);
  const [hover, setHover] = useState<{ y: number; label: string } | null>(null);
  const dragging = useRef(false);
  const ref = useRef<HTMLDivElement>(null);

  const index = position ? segments.findIndex((s) => s.month === position.month) : -1;
  const current = segments[index];
  const marker = current && position ? current.top + position.fraction * current.height : null;

  const at = (e: PointerEvent) => {
    const y = e.clientY - (ref.current?.getBoundingClientRect().top ?? 0);
    const hit = segmentAt(segments, y);
    const segment = hit && segments.find((s) => s.month === hit.month);
    return hit && segment ? { ...hit, y: Math.min(Math.max(0, y), band.height), label: segment.label } : null;
  };
  const jumpTo = (e: PointerEvent) => {
    const hit = at(e);
    if (!hit) return;
    setHover({ y: hit.y, label: hit.label });
    onJump(hit.month, hit.fraction);
  };
  const step = (by: number) => {
    const next = segments[Math.min(segments.length - 1, Math.max(0, (index < 0 ? 0 : index) + by))];
    if (next) onJump(next.month, 0);
  };
  const yearStep = (by: 1 | -1) => {
    const all = [...new Set(segments.map((s) => s.month.slice(0, 4)))];
    const at = current ? all.indexOf(current.month.slice(0, 4)) : 0;
    const year = all[Math.min(all.length - 1, Math.max(0, at + by))];
    // a year's newest month
    const target = segments.find((s) => s.month.startsWith(`${year}-`));
    if (target) onJump(target.month, 0);
  };
  const onKey = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => step(1),
      ArrowUp: () => step(-1),
      PageDown: () => yearStep(1),
      PageUp: () => yearStep(-1),
      Home: () => step(-segments.length),
      End: () => step(segments.length),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  if (!segments.length || band.height < 40) return null;
  return (
    <div
      ref={ref}
      role="slider"
      tabIndex={0}
      aria-label="Timeline dates"
      aria-orientation="vertical"
      aria-valuemin={0}
      aria-valuemax={segments.length - 1}
      aria-valuenow={Math.max(0, index)}
      aria-valuetext={current?.label ?? segments[0]!.label}
      onKeyDown={onKey}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        // a year's label: the start of that year
        const year = e.target instanceof HTMLElement ? e.target.dataset.month : undefined;
        if (year) onJump(year, 0);
        else jumpTo(e);
      }}
      onPointerMove={(e) => {
        if (dragging.current) jumpTo(e);
        else {
          const hit = at(e);
          setHover(hit && { y: hit.y, label: hit.label });
        }
      }}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
      onPointerLeave={() => {
        if (!dragging.current) setHover(null);
      }}
      className="group fixed right-0 z-20 w-4 cursor-row-resize touch-none select-none outline-none focus-visible:ring-2 focus-visible:ring-brand sm:w-14"
      style={{ top: band.top, height: band.height }}
    >
      {/* the months, as ticks along the rail */}
      <div aria-hidden className="absolute inset-y-0 right-1.5 w-0.5 rounded bg-slate-300/70 dark:bg-slate-600/70 sm:right-3" />
      {years.map((y) => (
        <span
          key={y.year}
          aria-hidden
          className="absolute right-3 hidden text-[10px] font-medium tabular-nums text-slate-500 dark:text-slate-400 sm:block"
          style={{ top: y.top }}
          data-month={y.month}
        >
          {y.year}
        </span>
      ))}
      {years.map((y) => (
        <span key={`dot-${y.year}`} aria-hidden className="pointer-events-none absolute right-1 h-0.5 w-2 bg-slate-400 dark:bg-slate-500 sm:right-2" style={{ top: y.top }} />
      ))}
      {marker !== null && <span aria-hidden className="pointer-events-none absolute right-0 h-0.5 w-4 bg-brand sm:w-10" style={{ top: marker }} />}
      {hover && (
        <span
          aria-hidden
          className="pointer-events-none absolute right-full mr-1 -translate-y-1/2 whitespace-nowrap rounded bg-slate-900 px-2 py-1 text-xs font-medium text-white shadow dark:bg-slate-100 dark:text-slate-900"
          style={{ top: hover.y }}
        >
          {hover.label}
        </span>
      )}
    </div>
  );
}
