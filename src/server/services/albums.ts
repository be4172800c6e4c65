// Albums: each user's own, which the owner may share with other users as viewer or contributor
// (who may, and what a share shows: album-access.ts). Another user's album answers NOT_FOUND;
// photos are added only when the one adding may see them; deleting an album never touches a photo.
import { db, type Tx } from "~/server/db";
import { NEWEST_FIRST, visibleTo, type Viewer } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { albumAccess, noAlbum, sharingEnabled, type ShareRole } from "./album-access";
import { recordAudit } from "./audit";
import { assertVisiblePhotos, findVisiblePhoto } from "./photos";
import { refreshUserWords } from "./search";

/** A signed-in caller who may share: audit events name them. */
export type Sharer = Viewer & { username: string };
// renaming or deleting an album rewrites the search words of every photo in it
const LONG = { timeout: 60_000 };

const photoIdsOf = async (tx: Tx, albumId: string) => (await tx.albumPhoto.findMany({ where: { albumId }, select: { photoId: true } })).map((r) => r.photoId);

async function ownAlbum(viewer: Viewer, id: string, tx: Pick<typeof db, "album" | "albumShare" | "userScanPath" | "siteSettings"> = db) {
  return (await albumAccess(viewer, id, "owner", tx)).album;
}

/** The cover of an album as `reader` sees it: the chosen one if it is still visible, else the
 *  newest photo in the album. */
async function coverOf(albumId: string, coverPhotoId: string | null, reader: Viewer) {
  const cover =
    (coverPhotoId && (await db.photo.findFirst({ where: { AND: [{ id: coverPhotoId }, visibleTo(reader)] }, select: { id: true } }))) ||
    (await db.photo.findFirst({ where: { AND: [visibleTo(reader), { albums: { some: { albumId } } }] }, orderBy: [...NEWEST_FIRST], select: { id: true } }));
  return cover?.id ?? null;
}

/** This user's albums, last changed first: `[{ id, name, updatedAt, photoCount, coverId }]`;
 *  counts and covers only from photos they may see. */
export async function listAlbums(viewer: Viewer) {
  const albums = await db.album.findMany({
    where: { userId: viewer.id },
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, coverPhotoId: true, updatedAt: true, _count: { select: { photos: { where: { photo: visibleTo(viewer) } } } } },
  });
  return Promise.all(
    albums.map(async ({ _count, ...a }) => ({
      id: a.id,
      name: a.name,
      updatedAt: a.updatedAt,
      photoCount: _count.photos,
      coverId: await coverOf(a.id, a.coverPhotoId, viewer),
    })),
  );
}

/** `{ id, name, coverPhotoId, role, owner: { username, name } }` of an album the viewer owns or
 *  that is shared with them (`role`: owner | viewer | contributor), or NOT_FOUND; the cover only
 *  while the reader may see it (album-access.ts: the owner's folders for a share). */
export async function getAlbum(viewer: Viewer, id: string) {
  const { album, role, reader } = await albumAccess(viewer, id);
  const cover = album.coverPhotoId ? await db.photo.findFirst({ where: { AND: [{ id: album.coverPhotoId }, visibleTo(reader)] }, select: { id: true } }) : null;
  const owner = await db.user.findUniqueOrThrow({ where: { id: album.userId }, select: { username: true, name: true } });
  return { id: album.id, name: album.name, coverPhotoId: cover?.id ?? null, role, owner };
}

/** A new album of the viewer's own: `{ id, name }`. */
export async function createAlbum(viewer: Viewer, name: string) {
  return db.album.create({ data: { userId: viewer.id, name }, select: { id: true, name: true } });
}

/** Renames the viewer's album: `{ id, name }`; another user's is NOT_FOUND. */
export async function renameAlbum(viewer: Viewer, id: string, name: string) {
  return db.$transaction(async (tx) => {
    await ownAlbum(viewer, id, tx);
    const album = await tx.album.update({ where: { id }, data: { name }, select: { id: true, name: true } });
    await refreshUserWords(tx, viewer.id, await photoIdsOf(tx, id));
    return album;
  }, LONG);
}

/** Deletes the viewer's album, never its photos: `{ id }`. */
export async function deleteAlbum(viewer: Viewer, id: string) {
  await db.$transaction(async (tx) => {
    await ownAlbum(viewer, id, tx);
    const photoIds = await photoIdsOf(tx, id);
    await tx.album.delete({ where: { id } });
    await refreshUserWords(tx, viewer.id, photoIds);
  }, LONG);
  return { id };
}

/** Adds photos the viewer may see (in their own folders) to their album, or to one shared with
 *  them as contributor: `{ id, added }`. All or nothing: any id they may not see (another user's,
 *  a missing one) is NOT_FOUND and adds none; a viewer's share answers like a missing album. */
export async function addToAlbum(viewer: Viewer, id: string, photoIds: string[]) {
  const added = await db.$transaction(async (tx) => {
    const { album } = await albumAccess(viewer, id, "contributor", tx);
    const unique = await assertVisiblePhotos(viewer, photoIds, tx);
    for (const photoId of unique) {
      await tx.albumPhoto.upsert({ where: { albumId_photoId: { albumId: id, photoId } }, create: { albumId: id, photoId }, update: {} });
    }
    await tx.album.update({ where: { id }, data: { updatedAt: new Date() } });
    // the album's name is among its owner's search words
    await refreshUserWords(tx, album.userId, unique);
    return unique.length;
  });
  // each photo once, however often the list names it
  return { id, added };
}

/** Takes photos out of the viewer's album (its cover too, when it is one of them): `{ id, removed }`.
 *  All or nothing, like addToAlbum: an id they may not see is NOT_FOUND and removes none. */
export async function removeFromAlbum(viewer: Viewer, id: string, photoIds: string[]) {
  const removed = await db.$transaction(async (tx) => {
    const album = await ownAlbum(viewer, id, tx);
    const unique = await assertVisiblePhotos(viewer, photoIds, tx);
    await tx.albumPhoto.deleteMany({ where: { albumId: id, photoId: { in: unique } } });
    if (album.coverPhotoId && unique.includes(album.coverPhotoId)) await tx.album.update({ where: { id }, data: { coverPhotoId: null } });
    await refreshUserWords(tx, viewer.id, unique);
    return unique.length;
  });
  return { id, removed };
}

/** Chooses the cover among the album's photos, or null for the newest: `{ id, coverPhotoId }`;
 *  a photo not in the album is BAD_REQUEST. */
export async function setAlbumCover(viewer: Viewer, id: string, photoId: string | null) {
  await ownAlbum(viewer, id);
  if (photoId) {
    await findVisiblePhoto(viewer, photoId);
    if (!(await db.albumPhoto.findUnique({ where: { albumId_photoId: { albumId: id, photoId } } }))) {
      throw new AppError("BAD_REQUEST", "Add the photo to the album before making it the cover.");
    }
  }
  await db.album.update({ where: { id }, data: { coverPhotoId: photoId } });
  return { id, coverPhotoId: photoId };
}

/** The users an owner shared their album with: `[{ userId, username, role, sharedAt }]` by
 *  username; another user's album (shared with the caller or not) is NOT_FOUND. */
export async function listShares(viewer: Viewer, albumId: string) {
  await ownAlbum(viewer, albumId);
  const shares = await db.albumShare.findMany({
    where: { albumId },
    select: { role: true, createdAt: true, user: { select: { id: true, username: true } } },
    orderBy: { user: { username: "asc" } },
  });
  return shares.map((s) => ({ userId: s.user.id, username: s.user.username, role: s.role as ShareRole, sharedAt: s.createdAt }));
}

/**
 * Shares the owner's album with another user as `role`, or changes the role of an existing share:
 * `{ albumId, userId, role }`. Another user's album or a user that does not exist is NOT_FOUND
 * ("No such album.", as for a missing album); the owner themself is BAD_REQUEST; with sharing
 * turned off in the site settings, FORBIDDEN. Audited (album.shared, album.share_role_changed).
 */
export async function shareAlbum(actor: Sharer, albumId: string, userId: string, role: ShareRole) {
  return db.$transaction(async (tx) => {
    const album = await ownAlbum(actor, albumId, tx);
    if (userId === actor.id) throw AppError.field("BAD_REQUEST", "userId", "You own this album: choose someone else to share it with.");
    if (!(await sharingEnabled(tx))) throw new AppError("FORBIDDEN", "Sharing albums with other users is turned off by an admin.");
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true } });
    if (!target) throw noAlbum();
    const before = await tx.albumShare.findUnique({ where: { albumId_userId: { albumId, userId } }, select: { role: true } });
    if (before?.role === role) return { albumId, userId, role };
    await tx.albumShare.upsert({ where: { albumId_userId: { albumId, userId } }, create: { albumId, userId, role }, update: { role } });
    const details = { albumId, albumName: album.name, role, ...(before ? { from: before.role } : {}) };
    await recordAudit(tx, { actor, action: before ? "album.share_role_changed" : "album.shared", target, details });
    return { albumId, userId, role };
  });
}

/** Ends a share of the owner's album, effective at the recipient's next request:
 *  `{ albumId, userId, removed }` (false when there was none). NOT_FOUND as shareAlbum; allowed
 *  with sharing off. Audited (album.unshared). */
export async function unshareAlbum(actor: Sharer, albumId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const album = await ownAlbum(actor, albumId, tx);
    const share = await tx.albumShare.findUnique({ where: { albumId_userId: { albumId, userId } }, select: { role: true, user: { select: { id: true, username: true } } } });
    if (!share) return { albumId, userId, removed: false };
    await tx.albumShare.delete({ where: { albumId_userId: { albumId, userId } } });
    await recordAudit(tx, { actor, action: "album.unshared", target: share.user, details: { albumId, albumName: album.name, role: share.role } });
    return { albumId, userId, removed: true };
  });
}

/** The albums other users shared with the viewer, last changed first: `[{ id, name, updatedAt,
 *  owner: { username, name }, role, photoCount, coverId }]`, counts and covers from what each
 *  owner may see (album-access.ts); none while sharing is off. */
export async function sharedWithMe(viewer: Viewer) {
  if (!(await sharingEnabled())) return [];
  const shares = await db.albumShare.findMany({
    where: { userId: viewer.id },
    orderBy: { album: { updatedAt: "desc" } },
    select: { role: true, album: { select: { id: true, name: true, coverPhotoId: true, updatedAt: true, user: { select: { id: true, username: true, name: true } } } } },
  });
  return Promise.all(
    shares.map(async ({ role, album }) => {
      const { reader } = await albumAccess(viewer, album.id);
      const photoCount = await db.albumPhoto.count({ where: { albumId: album.id, photo: visibleTo(reader) } });
      return {
        id: album.id,
        name: album.name,
        updatedAt: album.updatedAt,
        owner: { username: album.user.username, name: album.user.name },
        role: role as ShareRole,
        photoCount,
        coverId: await coverOf(album.id, album.coverPhotoId, reader),
      };
    }),
  );
}
