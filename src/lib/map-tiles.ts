// The map's tile source (a site setting, fetched by the browser): the rules for its URL
// template, the origin the pages' Content-Security-Policy must allow for it, and the
// attribution shown in the map's corner. Shared by the admin form, the server and the proxy.
import { z } from "zod";

export const DEFAULT_MAP_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const DEFAULT_MAP_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** Leaflet's placeholders Folio fills: zoom, column, row, a subdomain (host only: a, b or c), and
 *  "@2x" on sharp screens. Any other {name} would reach the tile server as it is. */
const PLACEHOLDERS = new Set(["z", "x", "y", "s", "r"]);
const EXAMPLE = "like https://tile.openstreetmap.org/{z}/{x}/{y}.png";

/** What is wrong with a tile URL template, in words that say what to fix, or null when Leaflet
 *  can use it and its origin can go into a Content-Security-Policy. */
export function tileUrlProblem(template: string): string | null {
  if (!/^https?:\/\//i.test(template)) return `Enter a tile URL starting with https:// or http://, ${EXAMPLE}.`;
  if (/[\s"';,\\]/.test(template)) return "The tile URL may not hold spaces, quotes, commas, semicolons or backslashes.";
  const names = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? "");
  const unknown = names.filter((n) => !PLACEHOLDERS.has(n));
  if (unknown.length) return `The tile URL may use only {z}, {x}, {y}, {s} and {r}; remove {${unknown[0]}}.`;
  const missing = ["z", "x", "y"].filter((n) => !names.includes(n));
  if (missing.length) return `The tile URL must hold {z}, {x} and {y} (zoom, column, row); ${missing.map((n) => `{${n}}`).join(", ")} missing, ${EXAMPLE}.`;
  const { hostPart } = splitTemplate(template);
  if (/[{}]/.test(hostPart.replaceAll("{s}", ""))) return "Only {s} may stand in the tile URL's host name.";
  if (/[{}]/.test(template.replace(/\{(z|x|y|s|r)\}/g, ""))) return "The tile URL has a brace that opens no placeholder.";
  if (tileOrigin(template) === null) return `The tile URL's host is not a valid host name, ${EXAMPLE}.`;
  return null;
}

/** The tile URL template as the admin form and the update take it. */
export const tileUrlSchema = z
  .string()
  .trim()
  .min(1, { error: `Enter a tile URL, ${EXAMPLE}.`, abort: true })
  .max(2000, { error: "The tile URL must be at most 2000 characters.", abort: true })
  .superRefine((value, ctx) => {
    const problem = tileUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const attributionSchema = z.string().trim().max(1000, "The attribution must be at most 1000 characters.");

/** "scheme://host[:port]" and the rest of a template. */
function splitTemplate(template: string) {
  const at = template.indexOf("://") + 3;
  const end = template.slice(at).search(/[/?#]/);
  const authorityEnd = end === -1 ? template.length : at + end;
  return { scheme: template.slice(0, at - 3).toLowerCase(), hostPart: template.slice(at, authorityEnd) };
}

/**
 * The Content-Security-Policy source that lets a page load the tiles of `template`: its origin
 * ("https://tile.example.org", with a port when it has one), or, when a subdomain {s} stands in
 * the host, a wildcard over that label and those left of it ("https://*.tile.example.org").
 * Null when the template has no valid http(s) host, or {s} would leave a wildcard over a bare
 * top-level domain.
 */
export function tileOrigin(template: string): string | null {
  if (!/^https?:\/\//i.test(template)) return null;
  const { scheme, hostPart } = splitTemplate(template);
  if (/[@\s]/.test(hostPart)) return null;
  let url: URL;
  try {
    url = new URL(`${scheme}://${hostPart.replaceAll("{s}", "a")}/`);
  } catch {
    return null;
  }
  if (!url.hostname) return null;
  const port = url.port ? `:${url.port}` : "";
  if (!hostPart.includes("{s}")) return `${url.protocol}//${url.host}`;
  // the label holding {s} and everything left of it become one wildcard
  const labels = hostPart.replace(/:\d+$/, "").toLowerCase().split(".");
  const last = labels.findLastIndex((l) => l.includes("{s}"));
  const rest = labels.slice(last + 1);
  if (rest.length < 2 || rest.some((l) => !/^[a-z0-9-]+$/.test(l))) return null;
  return `${url.protocol}//*.${rest.join(".")}${port}`;
}

export type AttributionPart = { text: string; href?: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", copy: "©", reg: "®", middot: "·", ndash: "–", mdash: "—" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

/**
 * A tile attribution as tile servers publish it (HTML like `&copy; <a href="...">OpenStreetMap</a>
 * contributors`) cut into text and links, for React to render. Only links to http(s) URLs
 * survive; every other tag is dropped and its text kept, so the admin's text can never put
 * markup or script on a page.
 */
export function attributionParts(html: string): AttributionPart[] {
  const parts: AttributionPart[] = [];
  const push = (text: string, href?: string) => {
    if (!text) return;
    const prev = parts.at(-1);
    if (prev && !prev.href && !href) prev.text += text;
    else parts.push(href ? { text, href } : { text });
  };
  const anchor = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
  const strip = (s: string) => decode(s.replace(/<[^>]*>?/g, ""));
  let at = 0;
  for (const m of html.matchAll(anchor)) {
    push(strip(html.slice(at, m.index)));
    const [whole, attributes = "", inner = ""] = m;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    const target = href ? decode(href[1] ?? href[2] ?? href[3] ?? "").trim() : "";
    push(strip(inner), /^https?:\/\/[^\s]+$/i.test(target) ? target : undefined);
    at = m.index + whole.length;
  }
  push(strip(html.slice(at)));
  return parts;
}
