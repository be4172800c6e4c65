// The README tells a newcomer how long installing and the first start take (issue #15, item 13:
// "about a minute" was read as a hang when `npm ci` took 5.5 minutes and the build 2 min 20 s).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

it("the README states how long npm ci and the first build take, in minutes, as start.ts does", () => {
  const readme = readFileSync("README.md", "utf8");
  const intro = readme.slice(0, readme.indexOf("## What Folio reads"));
  expect(intro).toMatch(/`npm ci` takes \d+ to \d+ minutes/);
  expect(intro).toMatch(/builds the app for \d+ to \d+ minutes/);
  expect(intro).not.toMatch(/about a minute/);
  // the message printed while building gives the same range as the README
  const range = intro.match(/builds the app for (\d+ to \d+ minutes)/)![1];
  expect(readFileSync("scripts/start.ts", "utf8")).toContain(`(${range} on 2 cores)`);
});
