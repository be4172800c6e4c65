/** The client address, for throttling: the last X-Forwarded-For entry, which is the one the
 *  nearest reverse proxy appended (or, with no proxy, the socket address Next.js fills in when
 *  the header is absent). Without a proxy a client can send its own header and choose this
 *  address; the per-account count still holds. */
export function clientIp(headers: Headers | Record<string, unknown> | undefined): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.at(-1) : raw;
  const last = typeof value === "string" ? value.split(",").at(-1)?.trim() : "";
  return last || null;
}
