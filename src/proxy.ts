// Next.js proxy (the file convention that replaced middleware.ts in Next 16): puts the security
// headers of src/lib/security-headers.ts on every page, API route and media answer. A page's
// img-src also names the map's tile server, as this process last read it from the settings
// (src/lib/map-image-sources.ts).
import { NextResponse, type NextRequest } from "next/server";
import { env } from "~/env";
import { mapImageSources } from "~/lib/map-image-sources";
import { safeCallbackPath } from "~/lib/redirect";
import { apiHeaders, mediaHeaders, pageHeaders, type HeaderSet } from "~/lib/security-headers";

// NextAuth keeps the last callbackUrl in this cookie (with the prefix on https)
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** The request headers with NextAuth's callback-url cookie replaced by the path of this site it
 *  names (src/lib/redirect.ts), or null when it needs none. NextAuth reads cookies through
 *  next/headers, so only headers forwarded from here reach it; it answers a cookie that is no
 *  http(s) URL with a 500. */
function cleanCallbackCookie(request: NextRequest): Headers | null {
  const cookies = request.cookies.getAll();
  const safe = (value: string) => safeCallbackPath(value, { origin: env.NEXTAUTH_URL });
  if (!cookies.some((c) => CALLBACK_COOKIES.includes(c.name) && safe(c.value) !== c.value)) return null;
  const headers = new Headers(request.headers);
  const value = (c: { name: string; value: string }) => (CALLBACK_COOKIES.includes(c.name) ? safe(c.value) : c.value);
  headers.set("cookie", cookies.map((c) => `${c.name}=${encodeURIComponent(value(c))}`).join("; "));
  return headers;
}

function withHeaders(res: NextResponse, headers: HeaderSet) {
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

/** Media and API answers get their fixed headers; a page gets a fresh nonce, given to Next.js
 *  through the request's own Content-Security-Policy header, which is where it reads it. */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/media/")) return withHeaders(NextResponse.next(), mediaHeaders());
  if (pathname.startsWith("/api/auth/")) {
    const cleaned = cleanCallbackCookie(request);
    return withHeaders(cleaned ? NextResponse.next({ request: { headers: cleaned } }) : NextResponse.next(), apiHeaders());
  }
  if (pathname.startsWith("/api/")) return withHeaders(NextResponse.next(), apiHeaders());
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = pageHeaders(nonce, { dev: env.NODE_ENV === "development", extra: { "img-src": mapImageSources() } });
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

export const config = {
  // build assets are files of the build, served with their own types
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
