// The one module of security headers (src/lib/security-headers.ts): what each kind of answer
// gets, and that a later source (a map's tile server) is added in one place.
import { describe, expect, it } from "vitest";
import { apiHeaders, mediaHeaders, pageHeaders } from "~/lib/security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("security headers", () => {
  it("give a page scripts of this origin and its nonce only, and no framing, plugins or base", () => {
    const csp = directives(pageHeaders("abc123")["Content-Security-Policy"]);
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get("img-src")).toBe("'self' blob: data:");
    for (const [name, value] of [["object-src", "'none'"], ["frame-ancestors", "'none'"], ["base-uri", "'self'"], ["form-action", "'self'"]]) expect(csp.get(name)).toBe(value);
    expect(pageHeaders("x", { dev: true })["Content-Security-Policy"]).toContain("'unsafe-eval'");
    expect(pageHeaders("x")["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });

  it("take extra sources for one directive", () => {
    const csp = directives(pageHeaders("n", { extra: { "img-src": ["https://tiles.example"], "connect-src": ["https://tiles.example"] } })["Content-Security-Policy"]);
    expect(csp.get("img-src")).toBe("'self' blob: data: https://tiles.example");
    expect(csp.get("connect-src")).toBe("'self' https://tiles.example");
    expect(csp.get("media-src")).toBe("'self' blob:");
  });

  it("let API answers and media load and run nothing", () => {
    expect(apiHeaders()["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    const media = directives(mediaHeaders()["Content-Security-Policy"]);
    expect(media.get("default-src")).toBe("'none'");
    expect(media.has("sandbox")).toBe(true);
    for (const h of [pageHeaders("n"), apiHeaders(), mediaHeaders()]) {
      expect(h["X-Content-Type-Options"]).toBe("nosniff");
      expect(h["Referrer-Policy"]).toBe("same-origin");
      expect(h["Permissions-Policy"]).toContain("camera=()");
    }
  });
});
