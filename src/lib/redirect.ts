// Where the browser may be sent after signing in (issue #15, item 1): one rule for the login
// page, NextAuth's redirect callback and the client flows, so a link cannot send a user elsewhere.

// a host that never resolves: only the parser looks at it
const PROBE = "http://folio.invalid";
// longer than any path of Folio; a longer value is refused, not parsed
const MAX_LENGTH = 2048;

function parse(url: string, base?: string) {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

/** Path, query and fragment of a URL, as the parser wrote them (percent-encoded). */
const pathOf = (url: URL) => url.pathname + url.search + url.hash;

/**
 * True for a path a browser resolves on the current origin: one `/` not followed by another
 * `/` or `\` (those make a protocol-relative URL), and unchanged when parsed again, so no dot
 * segment, tab or newline is left for the browser to turn into a host.
 */
export function isSitePath(path: string) {
  if (!/^\/(?![/\\])/.test(path)) return false;
  const url = parse(path, PROBE);
  return url !== null && url.origin === PROBE && pathOf(url) === path;
}

/**
 * The page of this site a `callbackUrl` names, as a path (`/folders?path=2024`), else
 * `fallback` (`/photos`). Never throws.
 *
 * `value` is taken as it arrives (a query or form field, a cookie: a string, an array whose
 * first entry counts, or anything else, which is refused). Accepted: a path starting with `/`,
 * and, when `origin` (such as `NEXTAUTH_URL`, `http://localhost:3000`) is given, a whole URL
 * on that origin. The URL parser reads it as the browser would (dropping tabs and newlines,
 * reading `\` as `/`, resolving `/./` and `/../`); whatever it makes of it must still be a
 * path of this origin (`isSitePath`): `/.//evil.example` becomes `//evil.example`, another
 * host, and is refused.
 */
export function safeCallbackPath(value: unknown, opts: { origin?: string; fallback?: string } = {}): string {
  const fallback = opts.fallback ?? "/photos";
  const raw = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  let candidate = raw;
  if (opts.origin && !raw.startsWith("/")) {
    const home = parse(opts.origin)?.origin;
    const url = parse(raw);
    // javascript:, data: and the like have the origin "null"
    if (!home || !url || url.origin !== home) return fallback;
    candidate = pathOf(url);
  }
  if (!candidate.startsWith("/")) return fallback;
  const url = parse(candidate, PROBE);
  if (!url || url.origin !== PROBE) return fallback;
  const path = pathOf(url);
  return isSitePath(path) ? path : fallback;
}
