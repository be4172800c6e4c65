import { describe, expect, it } from "vitest";
import { allSelected, chunked, rangeIds, toggled, withAllOrNone, withRange } from "~/lib/timeline-selection";

const order = ["a", "b", "c", "d", "e", "f"];
const ids = (s: Set<string>) => [...s].sort();

describe("timeline selection", () => {
  it("toggles one id", () => {
    expect(ids(toggled(new Set(), "a"))).toEqual(["a"]);
    expect(ids(toggled(new Set(["a", "b"]), "a"))).toEqual(["b"]);
  });

  it("takes the range in the order shown, either way, both ends included", () => {
    expect(rangeIds(order, "b", "e")).toEqual(["b", "c", "d", "e"]);
    expect(rangeIds(order, "e", "b")).toEqual(["b", "c", "d", "e"]);
    expect(rangeIds(order, "c", "c")).toEqual(["c"]);
    expect(rangeIds(order, null, "c")).toEqual(["c"]);
    expect(rangeIds(order, "gone", "c")).toEqual(["c"]);
    expect(rangeIds(order, "a", "gone")).toEqual([]);
  });

  it("adds a shift-clicked range to what is selected, or takes it out when the target was selected", () => {
    expect(ids(withRange(new Set(["f"]), order, "b", "d"))).toEqual(["b", "c", "d", "f"]);
    expect(ids(withRange(new Set(["a", "b", "c", "d"]), order, "b", "c"))).toEqual(["a", "d"]);
  });

  it("selects a whole day, or clears it when all of it was selected", () => {
    expect(ids(withAllOrNone(new Set(["a"]), ["a", "b"]))).toEqual(["a", "b"]);
    expect(ids(withAllOrNone(new Set(["a", "b", "c"]), ["a", "b"]))).toEqual(["c"]);
    expect(allSelected(new Set(["a", "b"]), ["a", "b"])).toBe(true);
    expect(allSelected(new Set(["a"]), ["a", "b"])).toBe(false);
    expect(allSelected(new Set(["a"]), [])).toBe(false);
  });

  it("cuts ids into calls of at most 500", () => {
    const many = Array.from({ length: 1201 }, (_, i) => String(i));
    expect(chunked(many).map((c) => c.length)).toEqual([500, 500, 201]);
    expect(chunked(many).flat()).toEqual(many);
    expect(chunked([])).toEqual([]);
  });
});
