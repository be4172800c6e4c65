import { describe, expect, it } from "vitest";
import { monthLabel, scrubberSegments, segmentAt, yearMarks } from "~/lib/timeline-scrubber";

const buckets = [
  { month: "2024-03", count: 50 },
  { month: "2024-01", count: 50 },
  { month: "2023-12", count: 100 },
  { month: "2015-06", count: 800 },
];

describe("scrubber", () => {
  it("gives each month a slice in proportion to its photos", () => {
    const s = scrubberSegments(buckets, 1000);
    expect(s.map((x) => [x.month, x.top, x.height])).toEqual([
      ["2024-03", 0, 50],
      ["2024-01", 50, 50],
      ["2023-12", 100, 100],
      ["2015-06", 200, 800],
    ]);
    expect(s[0]!.label).toBe("March 2024");
    expect(scrubberSegments([], 500)).toEqual([]);
  });

  it("labels each year at its newest month where there is room", () => {
    const s = scrubberSegments(buckets, 1000);
    expect(yearMarks(s)).toEqual([
      { year: "2024", month: "2024-03", top: 0 },
      { year: "2023", month: "2023-12", top: 100 },
      { year: "2015", month: "2015-06", top: 200 },
    ]);
    // squeezed: 2023 would sit 10 px under 2024
    expect(yearMarks(scrubberSegments(buckets, 100)).map((m) => m.year)).toEqual(["2024", "2015"]);
  });

  it("finds the month under the pointer and how far into it", () => {
    const s = scrubberSegments(buckets, 1000);
    expect(segmentAt(s, 0)).toEqual({ month: "2024-03", fraction: 0 });
    expect(segmentAt(s, 125)).toEqual({ month: "2023-12", fraction: 0.25 });
    expect(segmentAt(s, -20)).toEqual({ month: "2024-03", fraction: 0 });
    expect(segmentAt(s, 5000)).toEqual({ month: "2015-06", fraction: 1 });
    expect(segmentAt([], 10)).toBeNull();
  });

  it("names months", () => expect(monthLabel("2015-06")).toBe("June 2015"));
});
