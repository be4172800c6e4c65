/** The client address: the first X-Forwarded-For entry (set by a reverse proxy, or by Next.js
 *  from the socket when the request came straight in). */
export function clientIp(headers: Headers | Record<string, unknown> | undefined): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const first = typeof value === "string" ? value.split(",")[0]?.trim() : "";
  return first || null;
}
