// The one rule for sign-in redirects (src/lib/redirect.ts, issue #15 item 1): hostile
// callbackUrls of every kind end on a path of this site, and the result proves itself by
// parsing again on this origin.
import { describe, expect, it } from "vitest";
import { isSitePath, safeCallbackPath } from "~/lib/redirect";

const ORIGIN = "http://localhost:3000";

/** Where a browser on ORIGIN goes when sent to `path`. */
const landing = (path: string) => new URL(path, ORIGIN);

const HOSTILE: unknown[] = [
  // dot segments the parser resolves into a protocol-relative path
  "/.//evil.example",
  "/..//evil.example",
  "/./../..//evil.example/x",
  "/%2e//evil.example",
  "/%2e%2e//evil.example",
  "/.%2e//evil.example",
  "/./\\evil.example",
  "/x/../..//evil.example",
  // protocol-relative and backslashes
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  // tabs, newlines and other blanks the parser drops inside "//"
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  // schemes
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  // other hosts and ports
  "https://evil.example/photos",
  "http://localhost:3001/photos",
  "https://localhost:3000/photos",
  "http://localhost:3000.evil.example/",
  "http://localhost:3000@evil.example/",
  "http://localhost:3000%40evil.example/",
  "http://localhost:3000/.//evil.example",
  "http:/evil.example",
  "http:evil.example",
  "evil.example",
  // unparsable, empty, huge, not a string
  "http://[",
  "http://localhost:3000:3000/",
  "",
  `/${"a".repeat(5000)}`,
  undefined,
  null,
  42,
  { toString: () => "/photos" },
  [],
  [42],
  ["//evil.example", "/albums"],
];

describe("safeCallbackPath", () => {
  const label = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 60);
  it.each(HOSTILE.map((v) => [label(v), v]))("%s ends on a path of this site", (_, value) => {
    for (const origin of [undefined, ORIGIN]) {
      const path = safeCallbackPath(value, { origin });
      expect(isSitePath(path)).toBe(true);
      expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
      expect(landing(path).origin).toBe(ORIGIN);
      // none of these names a page of ours worth keeping: every one falls back
      expect(path).toBe("/photos");
    }
  });

  it("keeps paths of this site, query and fragment included", () => {
    expect(safeCallbackPath("/folders?path=2024#top")).toBe("/folders?path=2024#top");
    expect(safeCallbackPath("/albums/abc")).toBe("/albums/abc");
    expect(safeCallbackPath(["/albums", "//evil.example"])).toBe("/albums");
    // dot segments that stay on this site are resolved, as the browser would
    expect(safeCallbackPath("/photos/./../albums")).toBe("/albums");
    // encoded slashes are no separators: a page of this site (maybe not found), not a host
    expect(safeCallbackPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(landing(safeCallbackPath("/%5Cevil.example")).origin).toBe(ORIGIN);
    expect(safeCallbackPath("/a b")).toBe("/a%20b");
  });

  it("takes a whole URL of the given origin, and only then", () => {
    expect(safeCallbackPath(`${ORIGIN}/albums?x=1`, { origin: ORIGIN })).toBe("/albums?x=1");
    expect(safeCallbackPath(`${ORIGIN}`, { origin: `${ORIGIN}/` })).toBe("/");
    expect(safeCallbackPath(`${ORIGIN}/albums`)).toBe("/photos");
    expect(safeCallbackPath("http://someone@localhost:3000/albums", { origin: ORIGIN })).toBe("/albums");
  });

  it("uses the fallback given", () => {
    expect(safeCallbackPath("//evil.example", { fallback: "/login" })).toBe("/login");
  });
});

describe("isSitePath", () => {
  it("accepts only what a browser resolves on this origin unchanged", () => {
    expect(isSitePath("/photos")).toBe(true);
    for (const path of ["//evil.example", "/\\evil.example", "/./x", "/\t/evil", "photos", "", "/a b"]) expect(isSitePath(path), path).toBe(false);
  });
});
