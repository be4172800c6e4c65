// Next.js proxy (the file convention that replaced middleware.ts in Next 16): puts the security
// headers of src/lib/security-headers.ts on every page, API route and media answer.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "~/env";
import { apiHeaders, mediaHeaders, pageHeaders, type HeaderSet } from "~/lib/security-headers";

function withHeaders(res: NextResponse, headers: HeaderSet) {
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

/** Media and API answers get their fixed headers; a page gets a fresh nonce, given to Next.js
 *  through the request's own Content-Security-Policy header, which is where it reads it. */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/media/")) return withHeaders(NextResponse.next(), mediaHeaders());
  if (pathname.startsWith("/api/")) return withHeaders(NextResponse.next(), apiHeaders());
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = pageHeaders(nonce, { dev: env.NODE_ENV === "development" });
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

export const config = {
  // build assets are files of the build, served with their own types
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
