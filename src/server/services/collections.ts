// Tags and albums: each user's own. Another user's album answers NOT_FOUND; photos are added
// only when the user may see them; deleting an album or a tag never touches a photo.
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { findVisiblePhoto, visibleTo, type Viewer } from "./photos";

const noAlbum = () => new AppError("NOT_FOUND", "No such album.");

export async function listTags(viewer: Viewer) {
  const tags = await db.tag.findMany({
    where: { userId: viewer.id },
    orderBy: { name: "asc" },
    select: { name: true, _count: { select: { photos: { where: { photo: visibleTo(viewer) } } } } },
  });
  return tags.map((t) => ({ name: t.name, photoCount: t._count.photos }));
}

export async function addTag(viewer: Viewer, photoId: string, name: string) {
  await findVisiblePhoto(viewer, photoId);
  const tag = await db.tag.upsert({
    where: { userId_name: { userId: viewer.id, name } },
    create: { userId: viewer.id, name },
    update: {},
    select: { id: true },
  });
  await db.photoTag.upsert({ where: { tagId_photoId: { tagId: tag.id, photoId } }, create: { tagId: tag.id, photoId }, update: {} });
  return { photoId, name };
}

export async function removeTag(viewer: Viewer, photoId: string, name: string) {
  await findVisiblePhoto(viewer, photoId);
  await db.photoTag.deleteMany({ where: { photoId, tag: { userId: viewer.id, name } } });
  // a tag on no photo any more is gone from the list
  await db.tag.deleteMany({ where: { userId: viewer.id, name, photos: { none: {} } } });
  return { photoId, name };
}

async function ownAlbum(viewer: Viewer, id: string) {
  const album = await db.album.findFirst({ where: { id, userId: viewer.id }, select: { id: true, name: true, coverPhotoId: true } });
  if (!album) throw noAlbum();
  return album;
}

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
          orderBy: [{ takenAt: "desc" }, { id: "desc" }],
          select: { id: true },
        }));
      return { id: a.id, name: a.name, updatedAt: a.updatedAt, photoCount: _count.photos, coverId: cover?.id ?? null };
    }),
  );
}

export async function getAlbum(viewer: Viewer, id: string) {
  const album = await ownAlbum(viewer, id);
  return album;
}

export async function createAlbum(viewer: Viewer, name: string) {
  return db.album.create({ data: { userId: viewer.id, name }, select: { id: true, name: true } });
}

export async function renameAlbum(viewer: Viewer, id: string, name: string) {
  await ownAlbum(viewer, id);
  return db.album.update({ where: { id }, data: { name }, select: { id: true, name: true } });
}

export async function deleteAlbum(viewer: Viewer, id: string) {
  await ownAlbum(viewer, id);
  await db.album.delete({ where: { id } });
  return { id };
}

export async function addToAlbum(viewer: Viewer, id: string, photoIds: string[]) {
  await ownAlbum(viewer, id);
  for (const photoId of photoIds) {
    await findVisiblePhoto(viewer, photoId);
    await db.albumPhoto.upsert({ where: { albumId_photoId: { albumId: id, photoId } }, create: { albumId: id, photoId }, update: {} });
  }
  await db.album.update({ where: { id }, data: { updatedAt: new Date() } });
  return { id, added: photoIds.length };
}

export async function removeFromAlbum(viewer: Viewer, id: string, photoIds: string[]) {
  const album = await ownAlbum(viewer, id);
  await db.albumPhoto.deleteMany({ where: { albumId: id, photoId: { in: photoIds } } });
  if (album.coverPhotoId && photoIds.includes(album.coverPhotoId)) await db.album.update({ where: { id }, data: { coverPhotoId: null } });
  return { id, removed: photoIds.length };
}

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
