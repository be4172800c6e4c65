// Tags: each user's own. Removing the last use of a tag removes the tag; never a photo.
import { db } from "~/server/db";
import { visibleTo, type Viewer } from "~/server/db/visibility";
import { findVisiblePhoto } from "./photos";

/** This user's tags, by name: `[{ name, photoCount }]`, counting only photos they may see. */
export async function listTags(viewer: Viewer) {
  const tags = await db.tag.findMany({
    where: { userId: viewer.id },
    orderBy: { name: "asc" },
    select: { name: true, _count: { select: { photos: { where: { photo: visibleTo(viewer) } } } } },
  });
  return tags.map((t) => ({ name: t.name, photoCount: t._count.photos }));
}

/** Tags a photo the viewer may see (NOT_FOUND otherwise); the tag is made on first use. */
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

/** Untags a photo the viewer may see; a tag on no photo any more is gone from the list. */
export async function removeTag(viewer: Viewer, photoId: string, name: string) {
  await findVisiblePhoto(viewer, photoId);
  await db.photoTag.deleteMany({ where: { photoId, tag: { userId: viewer.id, name } } });
  await db.tag.deleteMany({ where: { userId: viewer.id, name, photos: { none: {} } } });
  return { photoId, name };
}
