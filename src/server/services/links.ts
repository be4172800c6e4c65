// Share links (issue 17): an owner makes a link to an album or to photos they may see, with an
// optional expiry, password and permission to download originals; lists and revokes their own;
// an admin lists and revokes any. What a link shows, and to whom: link-access.ts. Creating and
// revoking are audited (link.created, link.revoked) in the transaction of the change.
import { randomBytes } from "node:crypto";
import { env } from "~/env";
import { linkPath, type LinkCreateInput } from "~/lib/links";
import { db } from "~/server/db";
import { NEWEST_FIRST, type Viewer } from "~/server/db/visibility";
import { linkCookieHeader } from "~/server/auth/link-cookie";
import { hashPassword, verifyPassword } from "~/server/auth/password";
import { attemptSucceeded, beginAttempt, linkThrottleKeys } from "~/server/auth/throttle";
import { AppError } from "~/server/errors";
import { albumAccess } from "./album-access";
import { recordAudit } from "./audit";
import { hashToken, hasLinkProof, linkPhotosWhere, linksEnabled, liveLink, noLink } from "./link-access";
import { assertVisiblePhotos } from "./photos";

/** A signed-in caller: audit events name them; `isAdmin` lets revokeLink reach any link. */
export type LinkActor = Viewer & { username: string; isAdmin?: boolean };

/** The full address of a link's page, from the site's public origin (NEXTAUTH_URL). */
const linkUrl = (token: string) => `${env.NEXTAUTH_URL.replace(/\/+$/, "")}${linkPath(token)}`;

/**
 * Makes a link (input parsed by linkCreateSchema): `{ id, token, url }`, the token (32 random
 * bytes, base64url) given this once, as only its hash is kept. The album must be the actor's own
 * (else NOT_FOUND "No such album.") and every photo one they may see (else NOT_FOUND "No such
 * photo.", the whole list refused); an expiry not in the future is BAD_REQUEST on `expiresAt`;
 * with links off in the site settings, FORBIDDEN. Audited (link.created).
 */
export async function createLink(actor: LinkActor, input: LinkCreateInput, now = new Date()) {
  if (input.expiresAt && input.expiresAt <= now) {
    throw AppError.field("BAD_REQUEST", "expiresAt", "The expiry date has passed: choose a later date, or none for a link that does not expire.");
  }
  const token = randomBytes(32).toString("base64url");
  // bcrypt before the transaction: it takes a while and holds no row
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const id = await db.$transaction(async (tx) => {
    if (!(await linksEnabled(tx))) throw new AppError("FORBIDDEN", "Share links are turned off by an admin.");
    const album = input.albumId ? (await albumAccess(actor, input.albumId, "owner", tx)).album : null;
    const photoIds = input.photoIds ? await assertVisiblePhotos(actor, input.photoIds, tx) : [];
    const link = await tx.shareLink.create({
      data: {
        userId: actor.id,
        tokenHash: hashToken(token),
        albumId: album?.id ?? null,
        expiresAt: input.expiresAt ?? null,
        passwordHash,
        allowDownload: input.allowDownload,
        photos: { create: photoIds.map((photoId) => ({ photoId })) },
      },
      select: { id: true },
    });
    const details = {
      linkId: link.id,
      ...(album ? { albumId: album.id, albumName: album.name } : { photoCount: photoIds.length }),
      expiresAt: input.expiresAt?.toISOString() ?? null,
      password: passwordHash !== null,
      allowDownload: input.allowDownload,
    };
    await recordAudit(tx, { actor, action: "link.created", details });
    return link.id;
  });
  return { id, token, url: linkUrl(token) };
}

const linkSelect = {
  id: true,
  albumId: true,
  expiresAt: true,
  passwordHash: true,
  allowDownload: true,
  createdAt: true,
  album: { select: { name: true } },
  user: { select: { id: true, username: true } },
  _count: { select: { photos: true } },
} as const;

type LinkRow = { id: string; albumId: string | null; expiresAt: Date | null; passwordHash: string | null; allowDownload: boolean; createdAt: Date; album: { name: string } | null; _count: { photos: number } };

/** A link as its lists show it; no token (never stored), no password hash. */
function shapeLink(row: LinkRow, now: Date) {
  return {
    id: row.id,
    target: row.albumId ? { kind: "album" as const, albumId: row.albumId, name: row.album?.name ?? "" } : { kind: "photos" as const, count: row._count.photos },
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    expired: row.expiresAt !== null && row.expiresAt <= now,
    hasPassword: row.passwordHash !== null,
    allowDownload: row.allowDownload,
  };
}

/** The caller's links, newest first: `[{ id, target: { kind: "album", albumId, name } |
 *  { kind: "photos", count }, createdAt, expiresAt, expired, hasPassword, allowDownload }]`
 *  (expired links stay listed until revoked; they open nothing). */
export async function listLinks(viewer: Viewer, now = new Date()) {
  const rows = await db.shareLink.findMany({ where: { userId: viewer.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: linkSelect });
  return rows.map((r) => shapeLink(r, now));
}

/** Every user's links for the Admin Area, newest first: listLinks's items with `owner: { id, username }`. */
export async function listAllLinks(now = new Date()) {
  const rows = await db.shareLink.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: linkSelect });
  return rows.map((r) => ({ ...shapeLink(r, now), owner: r.user }));
}

/** Deletes a link, so its token answers like one that never existed from the next request on:
 *  `{ id }`. The actor's own link, or any for an admin; another user's is NOT_FOUND "No such
 *  link.". Audited (link.revoked; the owner as target). */
export async function revokeLink(actor: LinkActor, id: string) {
  await db.$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({ where: { id }, select: { albumId: true, user: { select: { id: true, username: true } } } });
    if (!link || (link.user.id !== actor.id && !actor.isAdmin)) throw noLink();
    await tx.shareLink.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "link.revoked", target: link.user, details: { linkId: id, albumId: link.albumId } });
  });
  return { id };
}

/** Whether `token` opens a link now (the /s/<token> page answers 404 otherwise). */
export async function linkOpens(token: string) {
  return liveLink(token).then(
    () => true,
    (e) => {
      if (e instanceof AppError && e.code === "NOT_FOUND") return false;
      throw e;
    },
  );
}

/** Who opens a link: the client address (throttling) and the request's cookies by name. */
export type LinkVisit = { ip: string | null; cookie: (name: string) => string | undefined };

/**
 * What `/s/<token>` shows. NOT_FOUND "No such link." for a link that does not open (liveLink). A
 * password link without a valid proof cookie and without `password`: `{ state: "password" }`, no
 * photos; a wrong password is FORBIDDEN on `password`, tries counted like sign-ins per link and
 * address (TOO_MANY_REQUESTS past the limit). Open: `{ state: "open", title (the album's name,
 * or null), allowDownload, expiresAt, photos: [{ id, fileName, mediaType, width, height, takenAt,
 * durationMs, hasPreview }] newest first }` and `cookie`, a Set-Cookie value proving the
 * password (for the caller to send; null when none was typed).
 */
export async function openLink(token: string, password: string | undefined, visit: LinkVisit) {
  const link = await liveLink(token);
  let cookie: string | null = null;
  if (link.passwordHash && !hasLinkProof(link, visit.cookie)) {
    if (password === undefined) return { state: "password" as const };
    const keys = linkThrottleKeys(visit.ip, link.id);
    const attempt = await beginAttempt("link", keys);
    if (!(await verifyPassword(password, link.passwordHash))) throw AppError.field("FORBIDDEN", "password", "Wrong password for this link.");
    await attemptSucceeded(attempt, keys[1]!, "link");
    cookie = linkCookieHeader({ ...link, passwordHash: link.passwordHash });
  }
  const album = link.albumId ? await db.album.findUnique({ where: { id: link.albumId }, select: { name: true } }) : null;
  const rows = await db.photo.findMany({
    where: linkPhotosWhere(link),
    orderBy: [...NEWEST_FIRST],
    select: { id: true, fileName: true, mediaType: true, width: true, height: true, takenAt: true, durationMs: true, thumbnailState: true },
  });
  const photos = rows.map(({ thumbnailState, mediaType, ...p }) => ({ ...p, mediaType: mediaType === "video" ? ("video" as const) : ("photo" as const), hasPreview: thumbnailState === "ready" }));
  return { state: "open" as const, title: album?.name ?? null, allowDownload: link.allowDownload, expiresAt: link.expiresAt, photos, cookie };
}
