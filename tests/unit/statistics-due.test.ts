// When a scan's changes call for new planner statistics (db/maintenance.ts statisticsDue).
import { expect, it } from "vitest";
import { statisticsDue } from "~/server/db/maintenance";

it("is due for any change to a root under 10,000 files, else for one file in ten, never for none", () => {
  expect(statisticsDue(0, 50)).toBe(false);
  expect(statisticsDue(1, 50)).toBe(true);
  expect(statisticsDue(1, 9_999)).toBe(true);
  expect(statisticsDue(100, 1_000_000)).toBe(false); // bench:scale's 100 rewritten files
  expect(statisticsDue(99_999, 1_000_000)).toBe(false);
  expect(statisticsDue(100_000, 1_000_000)).toBe(true);
  expect(statisticsDue(0, 1_000_000)).toBe(false);
});
