// Server paths wrap at their separators only (issue 15, item 12d): "break-all" cut scan paths
// mid-word in the admin table.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pathBreaks } from "~/lib/path-breaks";

describe("pathBreaks", () => {
  it.each([
    ["/data/alice/2023", ["/", "data/", "alice/", "2023"]],
    ["/data/alice/", ["/", "data/", "alice/"]],
    ["relative/path", ["relative/", "path"]],
    ["name", ["name"]],
    ["", []],
    ["/data/a very long folder name/x", ["/", "data/", "a very long folder name/", "x"]],
  ])("cuts %j after each slash", (value, parts) => {
    expect(pathBreaks(value)).toEqual(parts);
    expect(pathBreaks(value).join("")).toBe(value);
  });

  it("is how every page shows a path: no path is set in a break-all code element", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.name.endsWith(".tsx") && /<code[^>]*break-all/.test(readFileSync(full, "utf8"))) offenders.push(full);
      }
    };
    walk("src/app");
    walk("src/components");
    expect(offenders).toEqual([]);
  });
});
