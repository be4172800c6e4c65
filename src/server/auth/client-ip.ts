// The client address the sign-in and sign-up throttle counts. Folio's server (scripts/server.mjs)
// appends the socket address of every request to X-Forwarded-For, as a reverse proxy does, so
// the last entry is always the peer that connected. Entries to its left were written by that
// peer and are believed only when the peer is a trusted proxy (TRUSTED_PROXIES).
import { BlockList, isIP } from "node:net";
import { env, type TrustedProxy } from "~/env";

/** One address as one throttle key: brackets and a port dropped, an IPv4-mapped IPv6 address
 *  (::ffff:1.2.3.4) as its IPv4 form, IPv6 lowercased; null when it is no address. */
export function normaliseIp(raw: string): string | null {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.indexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1]!;
  const version = isIP(a);
  if (!version) return null;
  return version === 6 ? a.toLowerCase() : a;
}

/** The set of trusted proxies (node:net's BlockList matches addresses and CIDR blocks, and an
 *  IPv4-mapped IPv6 address against IPv4 blocks). */
export function trustedSet(proxies: TrustedProxy[]) {
  const set = new BlockList();
  for (const p of proxies) set.addSubnet(p.address, p.prefix, p.family);
  return set;
}

const configured = trustedSet(env.TRUSTED_PROXIES);
const isTrusted = (set: BlockList, ip: string) => set.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");

/** The client address from X-Forwarded-For, walked from the right: trusted proxies are skipped
 *  and the first address that is not one is the client (with no trusted proxies, the last
 *  entry: the socket address). When every entry is trusted, the leftmost; when the walk meets
 *  something that is no address, the trusted proxy that passed it on. Null without the header. */
export function clientIp(headers: Headers | Record<string, unknown> | undefined, trusted: BlockList = configured): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (typeof value !== "string") return null;
  const hops = value.split(",").map((h) => h.trim()).filter(Boolean);
  let nearest: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = normaliseIp(hops[i]!);
    if (!ip) return nearest;
    if (!isTrusted(trusted, ip)) return ip;
    nearest = ip;
  }
  return nearest;
}
