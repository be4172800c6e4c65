// Each user's own search words for a photo (UserPhotoSearch): the names of their tags, albums
// and named people on it. Kept here, below the services and jobs, because both change them: the
// services on every tag, album or person change, the faces job when a new face joins a named
// person (issue 19).
import { userSearchText } from "~/lib/search-words";
import type { Tx } from "./index";

const CHUNK = 500;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Rewrites `userId`'s own search words (UserPhotoSearch) of `photoIds` from their tag and album
 * names on each and the names of their people (not hidden) whose faces the photo's content
 * holds, in `tx`: call it inside the transaction of every change to these, so search never
 * finds a photo by a name it no longer has. A photo with none keeps no row.
 */
export async function refreshUserWords(tx: Tx, userId: string, photoIds: string[]) {
  for (const ids of chunks([...new Set(photoIds)])) {
    const names = new Map<string, string[]>(ids.map((id) => [id, []]));
    const tags = await tx.photoTag.findMany({ where: { photoId: { in: ids }, tag: { userId } }, select: { photoId: true, tag: { select: { name: true } } } });
    const albums = await tx.albumPhoto.findMany({ where: { photoId: { in: ids }, album: { userId } }, select: { photoId: true, album: { select: { name: true } } } });
    for (const t of tags) names.get(t.photoId)!.push(t.tag.name);
    for (const a of albums) names.get(a.photoId)!.push(a.album.name);
    const contents = await tx.photo.findMany({ where: { id: { in: ids }, contentHash: { not: null } }, select: { id: true, contentHash: true } });
    if (contents.length) {
      const people = await tx.personFace.findMany({
        where: { userId, person: { name: { not: "" }, hidden: false }, face: { contentHash: { in: [...new Set(contents.map((c) => c.contentHash!))] } } },
        select: { face: { select: { contentHash: true } }, person: { select: { name: true } } },
      });
      const byContent = new Map<string, string[]>();
      for (const p of people) byContent.set(p.face.contentHash, [...(byContent.get(p.face.contentHash) ?? []), p.person.name]);
      for (const c of contents) names.get(c.id)!.push(...(byContent.get(c.contentHash!) ?? []));
    }
    await tx.userPhotoSearch.deleteMany({ where: { userId, photoId: { in: ids } } });
    const rows = [...names].map(([photoId, n]) => ({ userId, photoId, words: userSearchText(n) })).filter((r) => r.words);
    if (rows.length) await tx.userPhotoSearch.createMany({ data: rows });
  }
}

/** The ids of the photos (any user's, any state) whose content holds one of `faceIds`: whose
 *  own words a change to the faces' person touches. */
export async function photoIdsWithFaces(tx: Tx, faceIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const part of chunks([...new Set(faceIds)])) {
    const faces = await tx.face.findMany({ where: { id: { in: part } }, select: { contentHash: true } });
    const photos = await tx.photo.findMany({ where: { contentHash: { in: [...new Set(faces.map((f) => f.contentHash))] } }, select: { id: true } });
    ids.push(...photos.map((p) => p.id));
  }
  return ids;
}
