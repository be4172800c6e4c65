import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions, callbackPath } from "~/server/auth/config";

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * NextAuth's own routes under /api/auth (csrf, credentials callback, sign-out, session). A
 * `callbackUrl` in the query is replaced by the path of this site it names (`callbackPath`)
 * before NextAuth sees it: NextAuth answers anything but an http(s) URL there (`javascript:`,
 * `http://[`) with a 500. One in the form body goes through the redirect callback of
 * `authOptions`, the same rule; its callback-url cookie is cleaned in `src/proxy.ts`, since
 * NextAuth reads cookies through next/headers.
 */
export async function nextAuthHandler(req: NextRequest, context: RouteContext) {
  const query = req.nextUrl.searchParams;
  if (!query.has("callbackUrl")) return handler(req, context);
  const url = req.nextUrl.clone();
  url.searchParams.set("callbackUrl", callbackPath(query.getAll("callbackUrl")));
  // the body as a stream: Node's fetch wants `duplex` for that, which its types lack
  const init = { method: req.method, headers: req.headers, body: req.body, duplex: "half" };
  return handler(new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]), context);
}
