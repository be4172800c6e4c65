// The proof that a browser typed a share link's password (issue 17): after links.open accepts
// it, the answer sets an HttpOnly, SameSite=Lax cookie `<expiry>.<HMAC>`, which the media routes
// require with ?link= for a password link, so the token alone never reaches its files. The HMAC
// (keyed by the session secret) covers the link's id, token hash, password hash and the expiry:
// a proof is worth nothing for another link, once its link is gone, once its password changed,
// or after the expiry, which the server checks itself rather than trusting the browser to drop it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "~/env";
import { sessionSecret } from "./secret";

/** How long a typed password holds in that browser: one day, in seconds. */
export const LINK_COOKIE_MAX_AGE = 24 * 60 * 60;

/** What a proof is bound to: the link's rule fields (LiveLink has them all). */
export type ProvenLink = { id: string; tokenHash: string; passwordHash: string };

/** The cookie's name for link `linkId` (one per link, so a visitor may hold several). */
export const linkCookieName = (linkId: string) => `folio-link-${linkId}`;

const mac = (link: ProvenLink, expires: number) =>
  createHmac("sha256", sessionSecret()).update(`share-link:${link.id}:${link.tokenHash}:${link.passwordHash}:${expires}`).digest("base64url");

/** The Set-Cookie header value proving the password of `link` until LINK_COOKIE_MAX_AGE from `now`. */
export function linkCookieHeader(link: ProvenLink, now = Date.now()) {
  const expires = Math.floor(now / 1000) + LINK_COOKIE_MAX_AGE;
  const secure = env.NEXTAUTH_URL.startsWith("https://") ? "; Secure" : "";
  return `${linkCookieName(link.id)}=${expires}.${mac(link, expires)}; Path=/; Max-Age=${LINK_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${secure}`;
}

/** Whether `value` (the cookie as the browser sent it, or undefined) proves the password of
 *  `link` now: made for this link and password, and not past its expiry (unix seconds). */
export function validLinkProof(link: ProvenLink, value: string | undefined, now = Date.now()) {
  const [expiresText, got] = (value ?? "").split(".");
  const expires = Number(expiresText);
  if (!got || !Number.isSafeInteger(expires) || expires * 1000 <= now) return false;
  const want = Buffer.from(mac(link, expires));
  const given = Buffer.from(got);
  return given.length === want.length && timingSafeEqual(given, want);
}
