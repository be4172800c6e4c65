// What search needs besides the page itself (services/photos.ts searchPhotos): the cameras of the
// filter, each user's own search words (their tag, album and people names: db/user-words.ts),
// and the words of rows indexed before search existed.
import { cameraName } from "~/lib/camera";
import { compareKeywords } from "~/lib/keywords";
import { db } from "~/server/db";
import { refreshUserWords } from "~/server/db/user-words";
import type { CameraPair } from "~/server/db/photo-filter";
import { visibleTo, type Viewer } from "~/server/db/visibility";
import { photoWords, SEARCHED_COLUMNS, type SearchedPhoto } from "~/server/scanner/search-words";

/** Every (make, model) pair of the photos `viewer` may see with how many carry it. */
async function cameraGroups(viewer: Viewer) {
  const rows = await db.photo.groupBy({
    by: ["cameraMake", "cameraModel"],
    where: { AND: [visibleTo(viewer), { OR: [{ cameraMake: { not: null } }, { cameraModel: { not: null } }] }] },
    _count: { _all: true },
  });
  return rows.map((r) => ({ make: r.cameraMake, model: r.cameraModel, name: cameraName(r.cameraMake, r.cameraModel), count: r._count._all }));
}

/** The cameras of the photos `viewer` may see: `[{ name, count }]`, named as lib/camera.ts says
 *  (one name may stand for several spellings of make and model), sorted by name ignoring case
 *  and accents; `name` is what the search's `camera` filter takes. */
export async function listCameras(viewer: Viewer) {
  const counts = new Map<string, number>();
  for (const g of await cameraGroups(viewer)) if (g.name) counts.set(g.name, (counts.get(g.name) ?? 0) + g.count);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => compareKeywords(a.name, b.name));
}

/** The (make, model) pairs a camera name of listCameras stands for, among every photo indexed
 *  (visibility is the page's own condition); none for a name no photo has. cameraName keeps the
 *  model whole at the end of the name, or gives the maker alone, so only models that are the
 *  name or one of its endings after a space (and rows with a make and no model) can give it:
 *  a few seeks on the (cameraModel, cameraMake) index. */
export async function camerasNamed(name: string): Promise<CameraPair[]> {
  const words = name.split(" ");
  const endings = words.map((_, i) => words.slice(i).join(" "));
  const pairs = await db.photo.groupBy({
    by: ["cameraModel", "cameraMake"],
    where: { OR: [{ cameraModel: { in: endings } }, { cameraModel: null, cameraMake: { not: null } }] },
  });
  return pairs.filter((p) => cameraName(p.cameraMake, p.cameraModel) === name).map((p) => ({ make: p.cameraMake, model: p.cameraModel }));
}

const CHUNK = 500;

export { refreshUserWords };

/**
 * Gives search words to what was indexed before search existed (the migration photo_search makes
 * the tables empty): every photo without PhotoSearch words, and every user with tags or albums but
 * no words of their own yet. Runs at start-up (boot.ts), in the background; cheap when there is
 * nothing to do. Safe to run in several processes at once: each batch is one transaction and a
 * row another process wrote first is left alone. Returns how many rows it wrote.
 */
export async function backfillSearchWords() {
  let photos = 0;
  let after: string | null = null;
  for (;;) {
    // in id order from where the last batch ended: without the cursor each batch looked past
    // every row already done, quadratic over a million photos
    const batch: (SearchedPhoto & { keywords: { name: string }[] })[] = await db.photo.findMany({
      where: { search: { is: null }, ...(after ? { id: { gt: after } } : {}) },
      select: { ...SEARCHED_COLUMNS, keywords: { select: { name: true } } },
      orderBy: { id: "asc" },
      take: CHUNK,
    });
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    const data = batch.map((p) => ({ photoId: p.id, words: photoWords(p, p.keywords.map((k) => k.name)) }));
    await db.$transaction(async (tx) => {
      const done = new Set((await tx.photoSearch.findMany({ where: { photoId: { in: data.map((d) => d.photoId) } }, select: { photoId: true } })).map((r) => r.photoId));
      await tx.photoSearch.createMany({ data: data.filter((d) => !done.has(d.photoId)) });
    });
    photos += batch.length;
  }
  let users = 0;
  const owners = await db.user.findMany({
    where: { photoSearch: { none: {} }, OR: [{ tags: { some: { photos: { some: {} } } } }, { albums: { some: { photos: { some: {} } } } }] },
    select: { id: true },
  });
  for (const { id } of owners) {
    const tagged = await db.photoTag.findMany({ where: { tag: { userId: id } }, select: { photoId: true } });
    const inAlbums = await db.albumPhoto.findMany({ where: { album: { userId: id } }, select: { photoId: true } });
    await db.$transaction((tx) => refreshUserWords(tx, id, [...tagged, ...inAlbums].map((r) => r.photoId)), { timeout: 120_000 });
    users++;
  }
  return { photos, users };
}
