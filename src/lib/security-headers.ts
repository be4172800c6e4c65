// The browser security headers of every answer (issue #15, item 4), built in this one module:
// pages get a Content-Security-Policy with a per-request script nonce, API routes and media a
// policy that lets nothing run. src/proxy.ts sets them on every request; the media handlers set
// the media ones on their own answers too. A feature that loads from elsewhere (a map's tile
// server) adds its origins to PAGE_SOURCES, or passes them as `extra`, and nowhere else.

export type HeaderSet = Record<string, string>;
export type PolicyHeaderSet = HeaderSet & { "Content-Security-Policy": string };

/** Where a page may load each kind of resource from. 'self' is this origin; blob: and data:
 *  are URLs the UI makes itself (object URLs, inline images). */
export const PAGE_SOURCES = {
  "img-src": ["'self'", "blob:", "data:"],
  "media-src": ["'self'", "blob:"],
  "connect-src": ["'self'"],
  "font-src": ["'self'", "data:"],
  "worker-src": ["'self'", "blob:"],
} satisfies Record<string, string[]>;

export type SourceDirective = keyof typeof PAGE_SOURCES;

// Everything a browser lets a page use that Folio never does
const PERMISSIONS = ["accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb"];

/** Headers of every answer, whatever its type. */
export const COMMON_HEADERS: HeaderSet = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": PERMISSIONS.map((p) => `${p}=()`).join(", "),
  "X-Frame-Options": "DENY",
};

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");

/**
 * A page's headers for one request. Scripts: this origin and `nonce` (a fresh random base64
 * value per request, which Next.js reads back from the request's policy and puts on its own
 * scripts), 'strict-dynamic' so the scripts it loads need no list of their own. Styles allow
 * 'unsafe-inline': React writes style attributes (progress bars) that a nonce cannot cover.
 * `dev` adds what `next dev` needs ('unsafe-eval' for its error overlay, ws: for reloading).
 * `extra` adds origins to a directive of PAGE_SOURCES.
 */
export function pageHeaders(nonce: string, opts: { dev?: boolean; extra?: Partial<Record<SourceDirective, string[]>> } = {}): PolicyHeaderSet {
  const sources: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(PAGE_SOURCES)) sources[name] = [...values, ...(opts.extra?.[name as SourceDirective] ?? [])];
  if (opts.dev) sources["connect-src"] = [...PAGE_SOURCES["connect-src"], ...(opts.extra?.["connect-src"] ?? []), "ws:"];
  const csp = policy({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    ...sources,
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
  return { ...COMMON_HEADERS, "Content-Security-Policy": csp };
}

/** API answers (JSON, NextAuth's redirects): never a document that loads or runs anything. */
export function apiHeaders(): PolicyHeaderSet {
  return { ...COMMON_HEADERS, "Content-Security-Policy": policy({ "default-src": ["'none'"], "frame-ancestors": ["'none'"] }) };
}

/**
 * Media answers (/api/media/*): user-supplied bytes. Opened on their own, an image or video
 * shows (img-src, media-src, and the inline styles of the browser's own viewer) but the
 * sandbox gives the document no script and no origin, so an HTML or SVG file named like a
 * photo runs nothing; nosniff keeps the browser to the type Folio sent.
 */
export function mediaHeaders(): PolicyHeaderSet {
  const csp = policy({
    "default-src": ["'none'"],
    "img-src": ["'self'"],
    "media-src": ["'self'"],
    "style-src": ["'unsafe-inline'"],
    "frame-ancestors": ["'none'"],
    sandbox: [],
  });
  return { ...COMMON_HEADERS, "Content-Security-Policy": csp };
}
