// The proof that a browser typed a share link's password (issue 17): after links.open accepts
// it, the answer sets an HttpOnly, SameSite=Lax cookie holding an HMAC of the link (keyed by
// the session secret), which the media routes require with ?link= for a password link, so the
// token alone never reaches its files. The link's token hash is in the HMAC: a proof is worth
// nothing for any other link, and nothing once its link is gone.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "~/env";
import { sessionSecret } from "./secret";

/** How long a typed password holds in that browser: one day, in seconds. */
export const LINK_COOKIE_MAX_AGE = 24 * 60 * 60;

/** The cookie's name for link `linkId` (one per link, so a visitor may hold several). */
export const linkCookieName = (linkId: string) => `folio-link-${linkId}`;

const proofOf = (linkId: string, tokenHash: string) => createHmac("sha256", sessionSecret()).update(`share-link:${linkId}:${tokenHash}`).digest("base64url");

/** The Set-Cookie header value proving the password of link `linkId` (with its token hash). */
export function linkCookieHeader(linkId: string, tokenHash: string) {
  const secure = env.NEXTAUTH_URL.startsWith("https://") ? "; Secure" : "";
  return `${linkCookieName(linkId)}=${proofOf(linkId, tokenHash)}; Path=/; Max-Age=${LINK_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${secure}`;
}

/** Whether `value` (the cookie as the browser sent it, or undefined) proves the password of the link. */
export function validLinkProof(linkId: string, tokenHash: string, value: string | undefined) {
  if (!value) return false;
  const want = Buffer.from(proofOf(linkId, tokenHash));
  const got = Buffer.from(value);
  return got.length === want.length && timingSafeEqual(got, want);
}
