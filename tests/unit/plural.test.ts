// Counts in words (issue 15, item 12a): "1 photo", never "1 photos", through one helper.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spokenDuration } from "~/lib/duration";
import { plural, pluralWord } from "~/lib/plural";

describe("plural", () => {
  it("says one and other as English does", () => {
    expect(plural(0, "photo")).toBe("0 photos");
    expect(plural(1, "photo")).toBe("1 photo");
    expect(plural(2, "photo")).toBe("2 photos");
    expect(plural(1234, "file")).toBe("1,234 files");
    expect(plural(1, "match", "matches")).toBe("1 match");
    expect(plural(3, "match", "matches")).toBe("3 matches");
    expect(plural(1.5, "second")).toBe("1.5 seconds");
    expect(pluralWord(1, "is", "are")).toBe("is");
    expect(pluralWord(4, "is", "are")).toBe("are");
    expect(spokenDuration(61_000)).toBe("1 minute 1 second");
  });

  it("is the only way counts are worded in the app: no hand-made plurals, no bare '{n} photos'", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== "generated") walk(full);
          continue;
        }
        if (!/\.tsx?$/.test(e.name) || full.endsWith(path.join("lib", "plural.ts"))) continue;
        readFileSync(full, "utf8")
          .split("\n")
          .forEach((line, i) => {
            // `n === 1 ? "" : "s"`, `n === 1 ? "file" : "files"`, `{count} photos` in JSX
            if (/=== 1 \? "[^"]*" : "[^"]*"/.test(line) || /\}\s*(photos|files|videos|items|users|albums|tags)\b/.test(line)) offenders.push(`${path.relative(".", full)}:${i + 1}: ${line.trim()}`);
          });
      }
    };
    walk("src");
    expect(offenders).toEqual([]);
  });
});
