// Tags: each user's own. Removing the last use of a tag removes the tag; never a photo.
// Keywords: what the files carry (IPTC/XMP), the same for every user, read-only here.
import { tagKey } from "~/lib/collections";
import { compareKeywords } from "~/lib/keywords";
import { db } from "~/server/db";
import { visibleTo, type Viewer } from "~/server/db/visibility";
import { assertVisiblePhotos, findVisiblePhoto } from "./photos";
import { refreshUserWords } from "./search";

/** This user's tags, by name ignoring case and accents (as keywords): `[{ name, photoCount,
 *  source: "user" }]`, names as first typed, counting only photos
 *  they may see. `source` tells them apart from file keywords (listKeywords) in one list. */
export async function listTags(viewer: Viewer) {
  const tags = await db.tag.findMany({
    where: { userId: viewer.id },
    orderBy: { nameKey: "asc" },
    select: { name: true, _count: { select: { photos: { where: { photo: visibleTo(viewer) } } } } },
  });
  return tags.map((t) => ({ name: t.name, photoCount: t._count.photos, source: "user" as const })).sort((a, b) => compareKeywords(a.name, b.name));
}

/** The keywords of the files this viewer may see: `[{ name, photoCount }]` (photos they may see
 *  carrying it), sorted by compareKeywords. A keyword only on photos outside their scan path is
 *  not listed. None without a scan path. */
export async function listKeywords(viewer: Viewer) {
  const rows = await db.photoKeyword.groupBy({ by: ["name"], where: { photo: visibleTo(viewer) }, _count: { _all: true } });
  return rows.map((r) => ({ name: r.name, photoCount: r._count._all })).sort((a, b) => compareKeywords(a.name, b.name));
}

/** Tags a photo the viewer may see (NOT_FOUND otherwise); the tag is made on first use, with
 *  the case typed. A name equal to one of the viewer's tags ignoring case ("Beach" when "beach"
 *  exists) is that tag, whose name stays as first typed; `name` in the answer is the tag's. */
export async function addTag(viewer: Viewer, photoId: string, name: string) {
  await findVisiblePhoto(viewer, photoId);
  const nameKey = tagKey(name);
  const tag = await db.$transaction(async (tx) => {
    const tag = await tx.tag.upsert({
      where: { userId_nameKey: { userId: viewer.id, nameKey } },
      create: { userId: viewer.id, name, nameKey },
      update: {},
      select: { id: true, name: true },
    });
    await tx.photoTag.upsert({ where: { tagId_photoId: { tagId: tag.id, photoId } }, create: { tagId: tag.id, photoId }, update: {} });
    await refreshUserWords(tx, viewer.id, [photoId]);
    return tag;
  });
  return { photoId, name: tag.name };
}

/** Untags a photo the viewer may see; a tag on no photo any more is gone from the list. */
export async function removeTag(viewer: Viewer, photoId: string, name: string) {
  await findVisiblePhoto(viewer, photoId);
  const nameKey = tagKey(name);
  await db.$transaction(async (tx) => {
    await tx.photoTag.deleteMany({ where: { photoId, tag: { userId: viewer.id, nameKey } } });
    await tx.tag.deleteMany({ where: { userId: viewer.id, nameKey, photos: { none: {} } } });
    await refreshUserWords(tx, viewer.id, [photoId]);
  });
  return { photoId, name };
}

/** Tags many photos the viewer may see with one tag (made on first use, as addTag): `{ count }`,
 *  each photo once. All or nothing: any id they may not see is NOT_FOUND and tags none; the check
 *  and the writes are one transaction. */
export async function addTagToPhotos(viewer: Viewer, photoIds: string[], name: string) {
  const nameKey = tagKey(name);
  const count = await db.$transaction(async (tx) => {
    const unique = await assertVisiblePhotos(viewer, photoIds, tx);
    const tag = await tx.tag.upsert({
      where: { userId_nameKey: { userId: viewer.id, nameKey } },
      create: { userId: viewer.id, name, nameKey },
      update: {},
      select: { id: true },
    });
    const tagged = new Set(
      (await tx.photoTag.findMany({ where: { tagId: tag.id, photoId: { in: unique } }, select: { photoId: true } })).map((t) => t.photoId),
    );
    const untagged = unique.filter((photoId) => !tagged.has(photoId));
    if (untagged.length) await tx.photoTag.createMany({ data: untagged.map((photoId) => ({ tagId: tag.id, photoId })) });
    await refreshUserWords(tx, viewer.id, untagged);
    return unique.length;
  });
  return { count };
}

/** Takes one of the viewer's tags off many photos they may see: `{ count }`, each photo once,
 *  whether it carried the tag or not; a tag left on no photo is gone. All or nothing, like
 *  addTagToPhotos. */
export async function removeTagFromPhotos(viewer: Viewer, photoIds: string[], name: string) {
  const nameKey = tagKey(name);
  const count = await db.$transaction(async (tx) => {
    const unique = await assertVisiblePhotos(viewer, photoIds, tx);
    await tx.photoTag.deleteMany({ where: { photoId: { in: unique }, tag: { userId: viewer.id, nameKey } } });
    await tx.tag.deleteMany({ where: { userId: viewer.id, nameKey, photos: { none: {} } } });
    await refreshUserWords(tx, viewer.id, unique);
    return unique.length;
  });
  return { count };
}
