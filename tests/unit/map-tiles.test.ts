// The map's tile source rules (src/lib/map-tiles.ts): which URL templates the admin may save and
// why not, the policy source each one needs, and what of an attribution reaches the page.
import { describe, expect, it } from "vitest";
import { attributionParts, DEFAULT_MAP_ATTRIBUTION, DEFAULT_MAP_TILE_URL, tileOrigin, tileUrlProblem, tileUrlSchema } from "~/lib/map-tiles";
import { pageHeaders } from "~/lib/security-headers";

describe("tile URL templates", () => {
  it("take http(s) templates with {z}, {x} and {y}", () => {
    for (const ok of [
      DEFAULT_MAP_TILE_URL,
      "http://127.0.0.1:8101/tiles/{z}/{x}/{y}.png",
      "https://{s}.tile.opentopomap.org/{z}/{x}/{y}{r}.png",
      "https://tiles.example.org/{z}/{y}/{x}.jpg?key=abc&style=dark",
      "https://[::1]:9000/{z}/{x}/{y}",
    ]) {
      expect(tileUrlProblem(ok), ok).toBeNull();
    }
  });

  it("refuse anything else with what to fix", () => {
    const cases: [string, RegExp][] = [
      ["tile.openstreetmap.org/{z}/{x}/{y}.png", /starting with https:\/\/ or http:\/\//],
      ["ftp://tiles.example.org/{z}/{x}/{y}.png", /starting with https:\/\//],
      ["javascript:alert(1)//{z}{x}{y}", /starting with https:\/\//],
      ["https://tiles.example.org/{z}/{x}.png", /must hold \{z\}, \{x\} and \{y\}.*\{y\} missing/],
      ["https://tiles.example.org/tile.png", /\{z\}, \{x\}, \{y\} missing/],
      ["https://tiles.example.org/{z}/{x}/{y}.png?k={apikey}", /remove \{apikey\}/],
      ["https://{z}.example.org/{z}/{x}/{y}.png", /Only \{s\} may stand in the tile URL's host/],
      ["https://tiles.example.org/{z}/{x}/{y}.png; script-src *", /spaces, quotes, commas, semicolons/],
      ["https://tiles.example.org/{z}/{x}/{y}}.png", /brace/],
      ["https://{s}.org/{z}/{x}/{y}.png", /not a valid host name/],
      ["https://user@tiles.example.org/{z}/{x}/{y}.png", /not a valid host name/],
    ];
    for (const [template, message] of cases) expect(tileUrlProblem(template), template).toMatch(message);
    const parsed = tileUrlSchema.safeParse("  ");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/Enter a tile URL, like https:\/\/tile\.openstreetmap\.org/);
  });

  it("give the origin a page's img-src needs, a wildcard over {s}", () => {
    expect(tileOrigin(DEFAULT_MAP_TILE_URL)).toBe("https://tile.openstreetmap.org");
    expect(tileOrigin("HTTP://Tiles.Example.ORG:8080/{z}/{x}/{y}.png")).toBe("http://tiles.example.org:8080");
    expect(tileOrigin("https://tiles.example.org:443/{z}/{x}/{y}.png")).toBe("https://tiles.example.org");
    expect(tileOrigin("https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png")).toBe("https://*.tile.opentopomap.org");
    expect(tileOrigin("https://tile-{s}.maps.example.com:8443/{z}/{x}/{y}.png")).toBe("https://*.maps.example.com:8443");
    expect(tileOrigin("https://{s}.com/{z}/{x}/{y}.png")).toBeNull();
    const csp = pageHeaders("n", { extra: { "img-src": [tileOrigin(DEFAULT_MAP_TILE_URL)!] } })["Content-Security-Policy"];
    expect(csp).toContain("img-src 'self' blob: data: https://tile.openstreetmap.org;");
  });
});

describe("attributions", () => {
  it("keep text and http(s) links of the HTML tile servers publish", () => {
    expect(attributionParts(DEFAULT_MAP_ATTRIBUTION)).toEqual([
      { text: "© " },
      { text: "OpenStreetMap", href: "https://www.openstreetmap.org/copyright" },
      { text: " contributors" },
    ]);
    expect(attributionParts("Tiles &amp; data by <A HREF='https://example.org/a?b=1&amp;c=2' target=_blank>Example</A>")).toEqual([
      { text: "Tiles & data by " },
      { text: "Example", href: "https://example.org/a?b=1&c=2" },
    ]);
  });

  it("drop every other tag and any link that is no http(s) URL, keeping the text", () => {
    expect(attributionParts('<script>alert(1)</script>Map <img src=x onerror="alert(2)"><b>data</b>')).toEqual([{ text: "alert(1)Map data" }]);
    expect(attributionParts('<a href="javascript:alert(1)">click</a> and <a href=data:text/html,x>this</a>')).toEqual([{ text: "click and this" }]);
    expect(attributionParts("&#169; &#x2764; &bogus; <unclosed")).toEqual([{ text: "© ❤ &bogus; " }]);
    expect(attributionParts("")).toEqual([]);
  });
});
