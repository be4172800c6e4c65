import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions, callbackPath } from "~/server/auth/config";

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// NextAuth keeps the last callbackUrl in this cookie (with the prefix on https)
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** The Cookie header with every callback-url cookie replaced by the path of this site it names,
 *  or null when none needed it. */
function cleanCookieHeader(req: NextRequest): string | null {
  const found = req.cookies.getAll().filter((c) => CALLBACK_COOKIES.includes(c.name));
  if (!found.some((c) => callbackPath(c.value) !== c.value)) return null;
  return req.cookies
    .getAll()
    .map((c) => `${c.name}=${CALLBACK_COOKIES.includes(c.name) ? encodeURIComponent(callbackPath(c.value)) : encodeURIComponent(c.value)}`)
    .join("; ");
}

/**
 * NextAuth's own routes under /api/auth (csrf, credentials callback, sign-out, session). A
 * `callbackUrl` in the query or NextAuth's callback-url cookie is replaced by the path of this
 * site it names (`callbackPath`) before NextAuth sees it: NextAuth answers anything but an
 * http(s) URL there (`javascript:`, `http://[`) with a 500. One in the form body goes through
 * the redirect callback of `authOptions`, the same rule.
 */
export async function nextAuthHandler(req: NextRequest, context: RouteContext) {
  const query = req.nextUrl.searchParams;
  const cookie = cleanCookieHeader(req);
  if (!query.has("callbackUrl") && cookie === null) return handler(req, context);
  const url = req.nextUrl.clone();
  if (query.has("callbackUrl")) url.searchParams.set("callbackUrl", callbackPath(query.getAll("callbackUrl")));
  const headers = new Headers(req.headers);
  if (cookie !== null) headers.set("cookie", cookie);
  // the body as a stream: Node's fetch wants `duplex` for that, which its types lack
  const init = { method: req.method, headers, body: req.body, duplex: "half" };
  return handler(new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]), context);
}
