import { describe, expect, it } from "vitest";
import {
  anchoredScroll,
  aspectRatio,
  estimateHeight,
  FALLBACK_RATIO,
  justifyRows,
  layoutTimeline,
  rowAt,
  SIZES,
  targetRowHeight,
  type LayoutItem,
  type MonthState,
} from "~/lib/timeline-layout";

const rowsOf = (boxes: { top: number }[]) => {
  const rows = new Map<number, number[]>();
  boxes.forEach((b, i) => rows.set(b.top, [...(rows.get(b.top) ?? []), i]));
  return [...rows.values()];
};

describe("justifyRows", () => {
  const ratios = [1.5, 0.75, 1.33, 1, 2, 1.5, 0.66, 1.33, 1.5, 1.5, 1.78, 0.75, 1];
  for (const width of [375 - 32, 800, 1120]) {
    it(`fills every row but the last of ${width} px exactly, each tile at its own ratio`, () => {
      const { boxes, height } = justifyRows(ratios, width);
      const rows = rowsOf(boxes);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows.slice(0, -1)) {
        const first = boxes[row[0]!]!;
        const last = boxes[row.at(-1)!]!;
        expect(first.left).toBe(0);
        expect(last.left + last.width).toBeCloseTo(width, 3);
        const used = row.reduce((sum, i) => sum + boxes[i]!.width, 0) + (row.length - 1) * SIZES.gap;
        expect(used).toBeCloseTo(width, 3);
        // one height per row, near the target
        for (const i of row) expect(boxes[i]!.height).toBe(first.height);
        expect(first.height).toBeGreaterThan(targetRowHeight(width) * 0.7);
        expect(first.height).toBeLessThan(targetRowHeight(width) * 1.3);
        for (const i of row) expect(boxes[i]!.width / boxes[i]!.height).toBeCloseTo(ratios[i]!, 0);
      }
      const lastRow = rows.at(-1)!;
      const end = boxes[lastRow.at(-1)!]!;
      expect(end.top + end.height).toBeCloseTo(height, 3);
    });
  }

  it("leaves the last row at the target height instead of stretching it", () => {
    const { boxes } = justifyRows([1.5], 1120);
    expect(boxes).toEqual([{ left: 0, top: 0, width: 1.5 * 220, height: 220 }]);
  });

  it("lays out nothing for no photos", () => expect(justifyRows([], 800)).toEqual({ boxes: [], height: 0 }));
});

describe("aspectRatio", () => {
  it("uses the stored size, a fallback without one, and crops panoramas in the grid", () => {
    expect(aspectRatio({ width: 300, height: 200 })).toBe(1.5);
    expect(aspectRatio({ width: null, height: 200 })).toBe(FALLBACK_RATIO);
    expect(aspectRatio({ width: 0, height: 0 })).toBe(FALLBACK_RATIO);
    expect(aspectRatio({ width: 16000, height: 1000 })).toBe(5);
    expect(aspectRatio({ width: 100, height: 1000 })).toBeCloseTo(1 / 3);
  });
});

describe("estimateHeight", () => {
  it("grows with the count and is smaller on a wider grid", () => {
    expect(estimateHeight(0, 1000)).toBe(0);
    expect(estimateHeight(1, 1000)).toBeGreaterThan(0);
    expect(estimateHeight(1000, 1000)).toBeGreaterThan(estimateHeight(100, 1000));
    expect(estimateHeight(1000, 1600)).toBeLessThan(estimateHeight(1000, 1000));
  });

  it("comes near the real layout of a month of 4:3 photos", () => {
    const items = Array.from({ length: 300 }, (_, i) => photo(`p${i}`, `2024-03-${String(1 + (i % 30)).padStart(2, "0")}T12:00:00`));
    const real = layoutTimeline([{ month: "2024-03", heading: "March 2024", count: 300, items, complete: true }], 1120).height;
    const estimate = estimateHeight(300, 1120) + SIZES.monthHeading;
    expect(estimate / real).toBeGreaterThan(0.7);
    expect(estimate / real).toBeLessThan(1.4);
  });
});

const photo = (id: string, takenAtLocal: string | null, width = 400, height = 300): LayoutItem => ({ id, takenAtLocal, width, height });

describe("layoutTimeline", () => {
  const march: MonthState<LayoutItem> = {
    month: "2024-03",
    heading: "March 2024",
    count: 3,
    items: [photo("c", "2024-03-02T09:00:00"), photo("b", "2024-03-01T18:00:00"), photo("a", "2024-03-01T08:00:00", 300, 400)],
    complete: true,
  };
  const february: MonthState<LayoutItem> = { month: "2024-02", heading: "February 2024", count: 40, items: [], complete: false };
  const undated: MonthState<LayoutItem> = { month: "undated", heading: "No date", count: null, items: [], complete: false };

  it("puts a month's heading, its days' headings and their rows one under the other", () => {
    const { rows, height, order, months } = layoutTimeline([march], 1120);
    expect(rows.map((r) => [r.kind, r.key])).toEqual([
      ["month", "m:2024-03"],
      ["day", "d:2024-03:2024-03-02"],
      ["photos", "r:c"],
      ["day", "d:2024-03:2024-03-01"],
      ["photos", "r:b"],
    ]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.top).toBe(rows[i - 1]!.top + rows[i - 1]!.height);
    expect(height).toBe(rows.at(-1)!.top + rows.at(-1)!.height);
    expect(order.map((p) => p.id)).toEqual(["c", "b", "a"]);
    expect(rows[3]).toMatchObject({ kind: "day", heading: "Friday, 1 March 2024", ids: ["b", "a"] });
    expect(months.get("2024-03")).toEqual({ top: 0, height });
  });

  it("stands in for what is not loaded with a placeholder of estimated height, and for unknown undated photos with a thin one", () => {
    const { rows, months } = layoutTimeline([march, february, undated], 1120);
    const feb = rows.filter((r) => r.month === "2024-02");
    expect(feb.map((r) => r.kind)).toEqual(["month", "placeholder"]);
    expect(feb[1]).toMatchObject({ count: 40, height: estimateHeight(40, 1120) });
    expect(rows.filter((r) => r.month === "undated").map((r) => [r.kind, r.height])).toEqual([["placeholder", 1]]);
    expect(months.get("2024-02")!.top).toBe(months.get("2024-03")!.height);
  });

  it("leaves out a month that loaded empty, and shows undated photos last under No date", () => {
    const loaded = { ...undated, items: [photo("u", null)], complete: true };
    const { rows } = layoutTimeline([{ ...february, count: 0, complete: true }, loaded], 800);
    expect(rows.map((r) => [r.kind, r.key])).toEqual([
      ["month", "m:undated"],
      ["photos", "r:u"],
    ]);
  });
});

describe("rowAt and anchoredScroll", () => {
  const first = { month: "2024-03", heading: "March 2024", count: 30, items: [], complete: false };
  const items = Array.from({ length: 30 }, (_, i) => photo(`p${i}`, `2024-03-${String(30 - i).padStart(2, "0")}T12:00:00`));
  const second = { month: "2024-02", heading: "February 2024", count: 5, items: [photo("f", "2024-02-10T12:00:00")], complete: false };

  it("finds the row at a height", () => {
    const { rows } = layoutTimeline([first, second], 1000);
    expect(rowAt(rows, 0)).toBe(0);
    expect(rowAt(rows, rows[2]!.top + 1)).toBe(2);
    expect(rowAt(rows, 1e9)).toBe(rows.length - 1);
    expect(rowAt(rows, -5)).toBe(-1);
  });

  it("keeps a row below a month that loaded where it was on screen", () => {
    const before = layoutTimeline([first, second], 1000).rows;
    const after = layoutTimeline([{ ...first, items, complete: true }, second], 1000).rows;
    const row = before.find((r) => r.key === "r:f")!;
    const moved = after.find((r) => r.key === "r:f")!;
    expect(moved.top).not.toBe(row.top);
    expect(anchoredScroll(before, after, row.top + 10)).toBe(moved.top + 10);
    // the top of the page stays the top
    expect(anchoredScroll(before, after, 0)).toBe(0);
  });

  it("keeps a month's heading in place when its own placeholder turns into photos", () => {
    const zero = { month: "2024-04", heading: "April 2024", count: 2, items: [], complete: false };
    const before = layoutTimeline([zero, first, second], 1000).rows;
    const after = layoutTimeline([{ ...zero, items: [photo("z", "2024-04-01T10:00:00")], complete: true }, first, second], 1000).rows;
    const placeholder = before.find((r) => r.key === "p:2024-03")!;
    // looking at the middle of March's placeholder, April above grows or shrinks
    const y = placeholder.top + 50;
    const shift = after.find((r) => r.key === "m:2024-03")!.top - before.find((r) => r.key === "m:2024-03")!.top;
    expect(anchoredScroll(before, after, y)).toBe(y + shift);
  });

  it("keeps the same photo of a month on screen, by count, while its pages come in", () => {
    const big = (n: number) => Array.from({ length: n }, (_, i) => photo(`b${i}`, `2024-01-${String(31 - Math.floor(i / 13)).padStart(2, "0")}T12:00:00`));
    const month = (items: LayoutItem[]) => ({ month: "2024-01", heading: "January 2024", count: 400, items, complete: items.length === 400 });
    const none = layoutTimeline([month([])], 1000).rows;
    const half = layoutTimeline([month(big(200))], 1000).rows;
    const all = layoutTimeline([month(big(400))], 1000).rows;
    const p0 = none.find((r) => r.kind === "placeholder")!;
    const p1 = half.find((r) => r.kind === "placeholder")!;
    const newStart = half[1]!.top;
    // a quarter into the month: photo 100, among the 200 that came in, halfway through them
    expect(anchoredScroll(none, half, p0.top + p0.height / 4)).toBeCloseTo(newStart + (p1.top - newStart) / 2, 6);
    // three quarters in: photo 300, halfway into what is left
    expect(anchoredScroll(none, half, p0.top + (p0.height * 3) / 4)).toBeCloseTo(p1.top + p1.height / 2, 6);
    // the rest comes in: halfway into what was left is halfway through the rows that came
    const end = all.at(-1)!.top + all.at(-1)!.height;
    const restStart = all.find((r) => r.kind === "photos" && r.tiles.some((t) => t.item.id === "b200"))!.top;
    const y = anchoredScroll(half, all, p1.top + p1.height / 2);
    expect(y).toBeGreaterThan(restStart);
    expect(y).toBeLessThan(end);
    expect(y).toBeCloseTo(p1.top + (end - p1.top) / 2, 6);
  });
});
