// Albums: each user's own. Another user's album answers NOT_FOUND; photos are added only when
// the user may see them; deleting an album never touches a photo.
import { db, type Tx } from "~/server/db";
import { NEWEST_FIRST, visibleTo, type Viewer } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { assertVisiblePhotos, findVisiblePhoto } from "./photos";
import { refreshUserWords } from "./search";

const noAlbum = () => new AppError("NOT_FOUND", "No such album.");
// renaming or deleting an album rewrites the search words of every photo in it
const LONG = { timeout: 60_000 };

const photoIdsOf = async (tx: Tx, albumId: string) => (await tx.albumPhoto.findMany({ where: { albumId }, select: { photoId: true } })).map((r) => r.photoId);

async function ownAlbum(viewer: Viewer, id: string, tx: Pick<typeof db, "album"> = db) {
  const album = await tx.album.findFirst({ where: { id, userId: viewer.id }, select: { id: true, name: true, coverPhotoId: true } });
  if (!album) throw noAlbum();
  return album;
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
    albums.map(async ({ _count, ...a }) => {
      // the chosen cover if it is still visible, else the newest photo in the album
      const cover =
        (a.coverPhotoId && (await db.photo.findFirst({ where: { AND: [{ id: a.coverPhotoId }, visibleTo(viewer)] }, select: { id: true } }))) ||
        (await db.photo.findFirst({
          where: { AND: [visibleTo(viewer), { albums: { some: { albumId: a.id } } }] },
          orderBy: [...NEWEST_FIRST],
          select: { id: true },
        }));
      return { id: a.id, name: a.name, updatedAt: a.updatedAt, photoCount: _count.photos, coverId: cover?.id ?? null };
    }),
  );
}

/** `{ id, name, coverPhotoId }` of the viewer's own album, or NOT_FOUND; the cover only while the
 *  viewer may see it (its file may have vanished, or their folder changed since). */
export async function getAlbum(viewer: Viewer, id: string) {
  const album = await ownAlbum(viewer, id);
  const cover = album.coverPhotoId ? await db.photo.findFirst({ where: { AND: [{ id: album.coverPhotoId }, visibleTo(viewer)] }, select: { id: true } }) : null;
  return { ...album, coverPhotoId: cover?.id ?? null };
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

/** Adds photos the viewer may see to their album: `{ id, added }`. All or nothing: any id they may
 *  not see (another user's, a missing one) is NOT_FOUND and adds none. */
export async function addToAlbum(viewer: Viewer, id: string, photoIds: string[]) {
  const added = await db.$transaction(async (tx) => {
    await ownAlbum(viewer, id, tx);
    const unique = await assertVisiblePhotos(viewer, photoIds, tx);
    for (const photoId of unique) {
      await tx.albumPhoto.upsert({ where: { albumId_photoId: { albumId: id, photoId } }, create: { albumId: id, photoId }, update: {} });
    }
    await tx.album.update({ where: { id }, data: { updatedAt: new Date() } });
    await refreshUserWords(tx, viewer.id, unique);
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
