// The date scrubber on the timeline's edge: each month a slice of its height in proportion to
// the photos it holds, years labelled where there is room.
import { localParts, monthText } from "./local-time";

export type Bucket = { month: string; count: number };
/** A month's slice: `top` and `height` in px from the scrubber's top. */
export type Segment = { month: string; count: number; top: number; height: number; label: string };
/** A year's label at `top` px, the top of its newest month's slice (`month`). */
export type YearMark = { year: string; month: string; top: number };

/** "March 2024" for "2024-03". */
export const monthLabel = (month: string) => {
  const p = localParts(`${month}-01T00:00`);
  return p ? monthText(p) : month;
};

/** The slices of `buckets` (newest first) over `height` px, each in proportion to its count. */
export function scrubberSegments(buckets: Bucket[], height: number): Segment[] {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  let top = 0;
  return buckets.map((b) => {
    const h = total > 0 ? (b.count / total) * height : 0;
    const segment = { month: b.month, count: b.count, top, height: h, label: monthLabel(b.month) };
    top += h;
    return segment;
  });
}

/** A label per year at its first (newest) slice, leaving out one closer than `spacing` px to
 *  the last shown, so they never overlap. */
export function yearMarks(segments: Segment[], spacing = 18): YearMark[] {
  const marks: YearMark[] = [];
  let last = -Infinity;
  let year = "";
  for (const s of segments) {
    const y = s.month.slice(0, 4);
    if (y === year) continue;
    year = y;
    if (s.top - last < spacing) continue;
    marks.push({ year: y, month: s.month, top: s.top });
    last = s.top;
  }
  return marks;
}

/** The month at `y` px and how far into its slice (0-1); null without segments. Above the
 *  first slice is the first month's start, below the last its end. */
export function segmentAt(segments: Segment[], y: number): { month: string; fraction: number } | null {
  if (!segments.length) return null;
  for (const s of segments) {
    if (y < s.top + s.height) return { month: s.month, fraction: s.height > 0 ? Math.min(1, Math.max(0, (y - s.top) / s.height)) : 0 };
  }
  return { month: segments[segments.length - 1]!.month, fraction: 1 };
}
