// The timeline as one column of rows (month headings, day headings, justified rows of photos,
// grey placeholders for what is not loaded yet), each with its top and height in px, so the
// page can put only the rows near the screen in the DOM and know every other row's place.
import justifiedLayout from "justified-layout";
import { groupByLocalDay } from "./timeline-groups";

/** Heights and gaps in px. */
export const SIZES = { monthHeading: 56, dayHeading: 40, gap: 4, dayEnd: 12 } as const;

/** The aspect ratio of a photo whose stored size is unknown (4:3, a camera's). */
export const FALLBACK_RATIO = 4 / 3;

/** Panoramas and slivers are cropped to these ratios in the grid (the viewer shows them whole). */
const RATIO_LIMITS = { min: 1 / 3, max: 5 };

/** The row height the layout aims at for a grid `width` px wide: ~120 px on a phone, 180 on
 *  a tablet, 220 on a desktop. */
export function targetRowHeight(width: number): number {
  if (width < 640) return 120;
  if (width < 1024) return 180;
  return 220;
}

/** width / height of a photo for the grid: its stored size, FALLBACK_RATIO when unknown,
 *  clamped to RATIO_LIMITS. */
export function aspectRatio(p: { width: number | null; height: number | null }): number {
  const ratio = p.width && p.height && p.width > 0 && p.height > 0 ? p.width / p.height : FALLBACK_RATIO;
  return Math.min(RATIO_LIMITS.max, Math.max(RATIO_LIMITS.min, ratio));
}

export type Box = { left: number; top: number; width: number; height: number };

/**
 * Justified rows of `ratios` in `width` px (Flickr's justified-layout): every row but the last
 * fills the width exactly (widths plus gaps; fractions of a px, which the browser places), the
 * last keeps the target height and starts at the left. `top` is from the first row's top;
 * `height` is the whole block's, without a gap after the last row.
 */
export function justifyRows(ratios: number[], width: number, rowHeight = targetRowHeight(width)): { boxes: Box[]; height: number } {
  if (!ratios.length || width <= 0) return { boxes: [], height: 0 };
  const layout = justifiedLayout(ratios, {
    containerWidth: width,
    containerPadding: 0,
    boxSpacing: SIZES.gap,
    targetRowHeight: rowHeight,
    targetRowHeightTolerance: 0.25,
    widowLayoutStyle: "left",
  });
  const boxes = layout.boxes.map(({ left, top, width: w, height: h }) => ({ left, top, width: w, height: h }));
  return { boxes, height: layout.containerHeight };
}

/**
 * About how tall `count` photos lay out in `width` px, as days of a month (a heading each, a
 * half-empty last row each): the height a month or the rest of one stands in with until it is
 * loaded. Never 0 for a count above 0.
 */
export function estimateHeight(count: number, width: number): number {
  if (count <= 0) return 0;
  const rowHeight = targetRowHeight(width);
  const perRow = Math.max(1, Math.floor((width + SIZES.gap) / (rowHeight * 1.4 + SIZES.gap)));
  // a month of a few photos holds a day or two; a busy one every day
  const days = Math.min(31, Math.max(1, Math.ceil(count / 6)));
  const rows = Math.ceil(count / perRow) + days / 2;
  return Math.round(days * (SIZES.dayHeading + SIZES.dayEnd) + rows * (rowHeight + SIZES.gap));
}

/** A photo as the layout needs it. */
export type LayoutItem = { id: string; takenAtLocal: string | null; width: number | null; height: number | null };

/** One month of the timeline: `month` "YYYY-MM" or "undated"; `count` from timelineBuckets
 *  (null when unknown: the undated photos); `items` what is loaded, in list order;
 *  `complete` when nothing more is to load. */
export type MonthState<T extends LayoutItem> = { month: string; heading: string; count: number | null; items: T[]; complete: boolean };

export type Tile<T> = Box & { item: T };
type RowBase = { key: string; month: string; top: number; height: number };
export type TimelineRow<T> =
  | (RowBase & { kind: "month"; heading: string })
  | (RowBase & { kind: "day"; heading: string; day: string; ids: string[] })
  | (RowBase & { kind: "photos"; tiles: Tile<T>[] })
  /** what is not loaded of a month: `count` photos (estimated when unknown) */
  | (RowBase & { kind: "placeholder"; count: number });

export type TimelineLayout<T> = {
  rows: TimelineRow<T>[];
  height: number;
  /** every loaded photo in the order shown (months, days, rows): selection ranges and the viewer's order */
  order: T[];
  /** where each month's rows start and end (px from the timeline's top) */
  months: Map<string, { top: number; height: number }>;
};

/** The height of the placeholder of the undated photos before any is loaded: unknown, and
 *  last, so nothing moves when it turns out to hold none. */
const UNDATED_PROBE = 1;

/**
 * The rows of `months` (newest first, the undated last) in a grid `width` px wide. A loaded
 * month: its heading, then per local day (timeline-groups.ts) a heading with the day's photo
 * ids and its justified rows (tiles' tops relative to their row); what is left to load of a
 * month is one placeholder row of estimated height. Row keys stay the same while a month loads
 * (a photos row is named by its first photo), so the page can keep what is on screen in place.
 */
export function layoutTimeline<T extends LayoutItem>(months: MonthState<T>[], width: number): TimelineLayout<T> {
  const rows: TimelineRow<T>[] = [];
  const order: T[] = [];
  const spans = new Map<string, { top: number; height: number }>();
  const rowHeight = targetRowHeight(width);
  let y = 0;
  const push = (row: TimelineRow<T>) => {
    rows.push(row);
    y += row.height;
  };
  for (const m of months) {
    if (m.complete && !m.items.length) continue;
    const start = y;
    const undated = m.month === "undated";
    if (!undated || m.items.length) push({ kind: "month", key: `m:${m.month}`, month: m.month, top: y, height: SIZES.monthHeading, heading: m.heading });
    for (const month of groupByLocalDay(m.items)) {
      for (const day of month.days) {
        const items = day.photos.map((p) => p.item);
        if (day.heading) push({ kind: "day", key: `d:${m.month}:${day.key}`, month: m.month, top: y, height: SIZES.dayHeading, heading: day.heading, day: day.key, ids: items.map((i) => i.id) });
        const { boxes } = justifyRows(items.map(aspectRatio), width, rowHeight);
        let i = 0;
        while (i < boxes.length) {
          const rowTop = boxes[i]!.top;
          const tiles: Tile<T>[] = [];
          let tallest = 0;
          for (; i < boxes.length && boxes[i]!.top === rowTop; i++) {
            const b = boxes[i]!;
            tiles.push({ left: b.left, top: 0, width: b.width, height: b.height, item: items[i]! });
            tallest = Math.max(tallest, b.height);
          }
          push({ kind: "photos", key: `r:${tiles[0]!.item.id}`, month: m.month, top: y, height: tallest + SIZES.gap, tiles });
        }
        order.push(...items);
        y += SIZES.dayEnd;
        rows[rows.length - 1]!.height += SIZES.dayEnd;
      }
    }
    if (!m.complete) {
      const left = m.count === null ? null : Math.max(0, m.count - m.items.length);
      const height = left === null ? (m.items.length ? rowHeight : UNDATED_PROBE) : Math.max(rowHeight, estimateHeight(left, width));
      push({ kind: "placeholder", key: `p:${m.month}`, month: m.month, top: y, height, count: left ?? 0 });
    }
    spans.set(m.month, { top: start, height: y - start });
  }
  return { rows, height: y, order, months: spans };
}

/** The index of the row at `y` px from the timeline's top (the last one below it), -1 when none. */
export function rowAt<T>(rows: TimelineRow<T>[], y: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.top <= y) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** How far `month`'s heading moved between two layouts (0 when it is in neither). */
function headingShift<T>(before: TimelineRow<T>[], after: TimelineRow<T>[], month: string): number {
  const was = before.find((r) => r.month === month);
  const is = after.find((r) => r.month === month);
  return was && is ? is.top - was.top : 0;
}

/**
 * Where the page must scroll to keep what the viewer looks at in place when rows change (a
 * month above loads and grows or shrinks; the month on screen loads): the row at `scrollY` in
 * `before`, found by its key in `after`, keeps its place. A placeholder at `scrollY` stands for
 * photos by count: the position keeps the same photo of the month (as far as the estimate goes)
 * while its pages come in, whether they take the placeholder's place or push what is left of it
 * down. A row gone otherwise keeps its month's heading in place. `scrollY` and the result are
 * px from the timeline's top.
 */
export function anchoredScroll<T>(before: TimelineRow<T>[], after: TimelineRow<T>[], scrollY: number): number {
  if (scrollY <= 0) return scrollY;
  const row = before[rowAt(before, scrollY)];
  if (!row) return scrollY;
  const same = after.find((r) => r.key === row.key);
  if (row.kind === "placeholder" && row.count > 0 && (!same || same.kind === "placeholder")) {
    // photos into what was left of the month, and those that came in since
    const into = ((scrollY - row.top) / row.height) * row.count;
    const left = same?.kind === "placeholder" ? same.count : 0;
    const came = row.count - left;
    if (came > 0) {
      // the new rows run from where the placeholder began to where what is left of it begins
      const start = row.top + headingShift(before, after, row.month);
      const monthRows = after.filter((r) => r.month === row.month);
      const end = same ? same.top : (monthRows.at(-1)?.top ?? start) + (monthRows.at(-1)?.height ?? 0);
      if (into < came || !same) return start + (Math.min(into, came) / came) * (end - start);
      return same.top + ((into - came) / left) * same.height;
    }
  }
  if (same) return same.top + Math.min(scrollY - row.top, same.height);
  // the row went: keep the month's heading where it was
  return scrollY + headingShift(before, after, row.month);
}
