// How a search page is planned from the counts of its words (db/search.ts planFrom): walking the
// photos in page order when matches are common, collecting the rarest word's matches otherwise;
// and the counts each process keeps (db/search-statistics.ts).
import { expect, it } from "vitest";
import { planFrom } from "~/server/db/search";
import { forgetSearchStatistics, keptWordCounts } from "~/server/db/search-statistics";

it("walks for a common word, collects a rare one, and walks a small folder whatever the word", () => {
  // a million photos, all visible; a page of 60
  expect(planFrom(["canon"], [200_000], 1e6, 1e6, 60)).toEqual({ terms: ["canon"], collect: false });
  expect(planFrom(["zanzibar"], [500], 1e6, 1e6, 60)).toEqual({ terms: ["zanzibar"], collect: true });
  // one word in 10 of 100,000 photos walks, one in 50 collects
  expect(planFrom(["w"], [10_000], 1e5, 1e5, 60).collect).toBe(false);
  expect(planFrom(["w"], [2_000], 1e5, 1e5, 60).collect).toBe(true);
  // a user on 1,000 of a million photos walks their own unless the word is rarer than that
  expect(planFrom(["canon"], [20_001], 1_000, 1e6, 60).collect).toBe(false);
  expect(planFrom(["zanzibar"], [300], 1_000, 1e6, 60).collect).toBe(true);
});

it("puts the rarest word first, and collects words that rarely meet", () => {
  expect(planFrom(["img", "meteo"], [5, 1], 5, 7, 60).terms).toEqual(["meteo", "img"]);
  // one photo in 10 for each word walks 6,100 photos for a page; in 100 each, they meet in one
  // photo of 10,000: collecting the 10,000 matches of the first costs less than walking 610,000
  expect(planFrom(["a", "b"], [100_000, 100_000], 1e6, 1e6, 60).collect).toBe(false);
  expect(planFrom(["a", "b"], [10_000, 10_000], 1e6, 1e6, 60)).toEqual({ terms: ["a", "b"], collect: true });
});

it("never walks on lower bounds of the counts where the true counts would collect", () => {
  // planSearch decides from half the sampled counts on PostgreSQL: a walk on those must be the
  // true counts' plan too; checked over many random cases
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  let walks = 0;
  for (let i = 0; i < 5_000; i++) {
    const total = 1 + Math.floor(random() * 2e6);
    const visible = Math.floor(random() * total);
    const terms = ["a", "b", "c"].slice(0, 1 + Math.floor(random() * 3));
    const counts = terms.map(() => Math.floor(random() * total));
    const lower = counts.map((n) => Math.floor(n * random()));
    const limit = 1 + Math.floor(random() * 200);
    if (planFrom(terms, lower, visible, total, limit).collect) continue;
    walks++;
    expect(planFrom(terms, counts, visible, total, limit).collect, JSON.stringify({ total, visible, counts, lower, limit })).toBe(false);
  }
  expect(walks).toBeGreaterThan(500);
});

it("counts a word once a minute per viewer, and again once the process changed the figures", async () => {
  const asked: string[][] = [];
  const count = async (terms: string[]) => (asked.push(terms), terms.map((t) => t.length));
  expect(await keptWordCounts("ann", ["canon", "eos"], count)).toEqual([5, 3]);
  expect(await keptWordCounts("ann", ["eos", "canon", "mark"], count)).toEqual([3, 5, 4]);
  // another viewer's own words count differently: counted for them
  expect(await keptWordCounts("ben", ["canon"], count)).toEqual([5]);
  expect(asked).toEqual([["canon", "eos"], ["mark"], ["canon"]]);
  forgetSearchStatistics();
  await keptWordCounts("ann", ["canon"], count);
  expect(asked.at(-1)).toEqual(["canon"]);
});
