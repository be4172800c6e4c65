// A photo without a date sorts after every dated one, on both engines (SQLite puts NULL last in
// a descending order, PostgreSQL first), and keyset pages go through all of them exactly once.
import path from "node:path";
import { expect, it } from "vitest";
import { makeTree } from "../support/library";
import { makePhoto } from "../support/photos";
import { makeUser, signedInAs } from "../support/users";

it("undated photos come last, and paging with a cursor crosses into them and through them", async () => {
  const dir = makeTree("mixed")("mixed");
  const rows = [
    ["dated-old.jpg", new Date("2001-01-01T00:00:00Z")],
    ["undated-1.jpg", null],
    ["dated-new.jpg", new Date("2022-05-01T00:00:00Z")],
    ["undated-2.jpg", null],
    ["dated-mid.jpg", new Date("2010-03-01T00:00:00Z")],
    ["undated-3.jpg", null],
  ] as const;
  for (const [fileName, takenAt] of rows) await makePhoto(path.join(dir, fileName), { takenAt });
  const caller = signedInAs(await makeUser({ scanPath: dir }));

  const whole = (await caller.photos.list()).items;
  expect(whole.slice(0, 3).map((p) => p.fileName)).toEqual(["dated-new.jpg", "dated-mid.jpg", "dated-old.jpg"]);
  expect(whole.slice(3).map((p) => p.takenAt)).toEqual([null, null, null]);
  const undatedOrder = whole.slice(3).map((p) => p.fileName);

  // pages of two: dated, dated | dated, undated | undated, undated
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await caller.photos.list({ limit: 2, cursor });
    seen.push(...page.items.map((p) => p.fileName));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(seen).toEqual(["dated-new.jpg", "dated-mid.jpg", "dated-old.jpg", ...undatedOrder]);
  expect(new Set(seen).size).toBe(6);
});
