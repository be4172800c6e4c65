// What a share link lets anyone holding its token see (issue 17), the one module of that rule.
// A link never reaches further than its owner's own access: its photos are the link's own (an
// album link: the album's photos of this moment) that the OWNER may see now, read through the
// owner's scan folders at every request, so a folder taken from the owner, a file gone or the
// owner's deletion (which deletes the link) shows at the next visit. A link that does not exist,
// was revoked (deleted), has expired, or while links are off in the site settings, answers
// NOT_FOUND "No such link.", the same in every case. Only the token's SHA-256 is stored.
import { createHash } from "node:crypto";
import { db } from "~/server/db";
import { siteSwitchOn } from "~/server/db/site-settings";
import { visibleTo, type Viewer } from "~/server/db/visibility";
import { validLinkProof, linkCookieName } from "~/server/auth/link-cookie";
import { AppError } from "~/server/errors";
import { foldersOf } from "./album-access";

/** A link as its visitors reach it: the row's rule fields and `owner`, the owner's folders read now. */
export type LiveLink = {
  id: string;
  tokenHash: string;
  userId: string;
  albumId: string | null;
  allowDownload: boolean;
  passwordHash: string | null;
  expiresAt: Date | null;
  owner: Viewer;
};

/** Someone holding a link's token (and, for a password link, the cookie proving the password):
 *  what the media routes serve files to instead of a signed-in viewer. */
export type LinkVisitor = { link: LiveLink };

/** The one answer for a link that does not open, whatever the reason. */
export const noLink = () => new AppError("NOT_FOUND", "No such link.");

/** The stored form of a token: base64url SHA-256. A token is 32 random bytes, so no salt or
 *  slow hash is needed; the database never holds a usable token. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Whether links open now (SiteSettings.shareLinks). */
export const linksEnabled = (tx: Pick<typeof db, "siteSettings"> = db) => siteSwitchOn("shareLinks", tx);

/** The link of `token` while it opens (exists, not expired, links on), with its owner's folders;
 *  NOT_FOUND "No such link." otherwise, the same answer for each reason. */
export async function liveLink(token: string, now = new Date()): Promise<LiveLink> {
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, tokenHash: true, userId: true, albumId: true, allowDownload: true, passwordHash: true, expiresAt: true },
  });
  if (!link || (link.expiresAt && link.expiresAt <= now) || !(await linksEnabled())) throw noLink();
  return { ...link, owner: await foldersOf(link.userId, link.userId) };
}

/** Prisma filter for the photos `link` shows now: its own (an album's current photos) that its
 *  owner may see (visibility.ts: present, readable, inside one of the owner's folders). */
export function linkPhotosWhere(link: Pick<LiveLink, "id" | "albumId" | "owner">) {
  const own = link.albumId ? { albums: { some: { albumId: link.albumId } } } : { shareLinks: { some: { linkId: link.id } } };
  return { AND: [own, visibleTo(link.owner)] };
}

/**
 * The visitor of `token` for a media request: the live link, and for a password link the proof
 * cookie (`cookie(name)` reads the request's cookies) must be valid (link-cookie.ts). NOT_FOUND
 * as liveLink; UNAUTHORIZED "Enter this link's password first." without a valid proof.
 */
export async function linkVisitor(token: string, cookie: (name: string) => string | undefined): Promise<LinkVisitor> {
  const link = await liveLink(token);
  if (!hasLinkProof(link, cookie)) throw new AppError("UNAUTHORIZED", "Enter this link's password first.");
  return { link };
}

/** Whether the visitor may see `link`'s photos without typing a password: it has none, or
 *  `cookie(name)` (the request's cookies) holds a valid proof that it was typed (link-cookie.ts). */
export function hasLinkProof(link: LiveLink, cookie: (name: string) => string | undefined) {
  return !link.passwordHash || validLinkProof({ ...link, passwordHash: link.passwordHash }, cookie(linkCookieName(link.id)));
}

/** A photo row of the visitor's link by id, and `through`: the owner, whose folders the media
 *  checks then apply. NOT_FOUND "No such photo." for any photo the link does not show now. For
 *  services only: the row holds server paths. */
export async function findLinkPhoto({ link }: LinkVisitor, id: string) {
  const photo = await db.photo.findFirst({ where: { AND: [{ id }, linkPhotosWhere(link)] } });
  if (!photo) throw new AppError("NOT_FOUND", "No such photo.");
  return { photo, through: link.owner };
}
