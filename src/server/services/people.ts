// People (issue 19): each user's own grouping and names of the faces they may see. Faces are
// found once per content (scanner/faces.ts) and placed into each user's people by the faces job
// (jobs/face-clustering.ts); here a user lists, names, merges, hides and moves. Every person,
// face, crop and count is checked against visibility at each read (db/faces.ts): a person or
// face the caller may not see answers exactly like a missing one.
import { compareKeywords } from "~/lib/keywords";
import { db, type Tx } from "~/server/db";
import { peopleCounts, personVisible, visibleFaceIds } from "~/server/db/faces";
import { photoIdsWithFaces, refreshUserWords } from "~/server/db/user-words";
import { scanPathHolding, type Viewer } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { faceCropPath } from "~/server/scanner/faces";
import type { MediaFile } from "./media";

const noPerson = () => new AppError("NOT_FOUND", "No such person.");
const noFace = () => new AppError("NOT_FOUND", "No such face.");

type Person = { id: string; name: string; faceCount: number; coverFaceId: string; hidden: boolean };

/** Named people first (by name, ignoring case and accents), then by how many faces, then id. */
function comparePeople(a: Person, b: Person) {
  if (!!a.name !== !!b.name) return a.name ? -1 : 1;
  if (a.name && b.name) return compareKeywords(a.name, b.name) || a.id.localeCompare(b.id);
  return b.faceCount - a.faceCount || a.id.localeCompare(b.id);
}

/**
 * The caller's people holding a face they may see: `[{ id, name, faceCount, coverFaceId,
 * hidden }]` (faceCount: their faces visible now; coverFaceId: the best-scored of them, its crop
 * at /api/media/face/<id>), named first (comparePeople). Hidden people only with
 * `includeHidden`. Faces the worker has not placed into the caller's people yet (the faces job
 * after a scan, or after a folder was given) are in none.
 */
export async function listPeople(viewer: Viewer, opts: { includeHidden?: boolean } = {}): Promise<Person[]> {
  const counts = await peopleCounts(viewer);
  const rows = await db.person.findMany({
    where: { userId: viewer.id, id: { in: counts.map((c) => c.personId) }, ...(opts.includeHidden ? {} : { hidden: false }) },
    select: { id: true, name: true, hidden: true },
  });
  const byId = new Map(counts.map((c) => [c.personId, c]));
  return rows.map((r) => ({ ...r, faceCount: byId.get(r.id)!.faceCount, coverFaceId: byId.get(r.id)!.coverFaceId })).sort(comparePeople);
}

/** One of the caller's people as listPeople gives it (hidden ones too); NOT_FOUND when it is
 *  not theirs or holds no face they may see. */
export async function getPerson(viewer: Viewer, personId: string): Promise<Person> {
  // that person's count alone: every rename, merge and hide answers with it
  const [count] = await peopleCounts(viewer, personId);
  const person = count && (await db.person.findFirst({ where: { id: personId, userId: viewer.id }, select: { id: true, name: true, hidden: true } }));
  if (!count || !person) throw noPerson();
  return { ...person, faceCount: count.faceCount, coverFaceId: count.coverFaceId };
}

/** The caller's person `personId` that holds a face they may see, or NOT_FOUND. */
async function ownPerson(viewer: Viewer, personId: string) {
  const person = await db.person.findFirst({ where: { id: personId, userId: viewer.id }, select: { id: true, name: true, hidden: true } });
  if (!person || !(await personVisible(viewer, personId))) throw noPerson();
  return person;
}

/** The ids of the faces of `personIds` (the caller's), for their photos' search words. */
async function facesOf(tx: Tx, userId: string, personIds: string[]) {
  return (await tx.personFace.findMany({ where: { userId, personId: { in: personIds } }, select: { faceId: true } })).map((r) => r.faceId);
}

/** Changes the caller's person (`data`) and rewrites the search words of the photos showing
 *  them in the same transaction. Returns the person as getPerson; NOT_FOUND as ownPerson. */
async function changePerson(viewer: Viewer, personId: string, data: { name: string } | { hidden: boolean }) {
  await ownPerson(viewer, personId);
  await db.$transaction(
    async (tx) => {
      await tx.person.update({ where: { id: personId }, data });
      await refreshUserWords(tx, viewer.id, await photoIdsWithFaces(tx, await facesOf(tx, viewer.id, [personId])));
    },
    { timeout: 120_000 },
  );
  return getPerson(viewer, personId);
}

/** Names the caller's person (`name` "" takes the name away): search finds their photos by the
 *  new name at once. Returns the person as getPerson; NOT_FOUND as ownPerson. */
export const renamePerson = (viewer: Viewer, personId: string, name: string) => changePerson(viewer, personId, { name });

/** Shows or hides the caller's person on the People page (their faces stay theirs, and a hidden
 *  person's name finds nothing in search). Returns the person; NOT_FOUND as ownPerson. */
export const hidePerson = (viewer: Viewer, personId: string, hidden: boolean) => changePerson(viewer, personId, { hidden });

/**
 * Merges the caller's person `fromId` into `intoId`: every face of `fromId` (visible or not)
 * moves to `intoId`, marked as the user's choice, and `fromId` is gone. `intoId` keeps its
 * name, or takes `fromId`'s when it has none. BAD_REQUEST for a person into themselves;
 * NOT_FOUND as ownPerson for either. Returns the merged person.
 */
export async function mergePeople(viewer: Viewer, fromId: string, intoId: string) {
  if (fromId === intoId) throw AppError.field("BAD_REQUEST", "intoId", "Choose another person to merge into.");
  const from = await ownPerson(viewer, fromId);
  const into = await ownPerson(viewer, intoId);
  await db.$transaction(
    async (tx) => {
      const faces = await facesOf(tx, viewer.id, [fromId, intoId]);
      await tx.personFace.updateMany({ where: { userId: viewer.id, personId: fromId }, data: { personId: intoId, source: "user" } });
      if (!into.name && from.name) await tx.person.update({ where: { id: intoId }, data: { name: from.name } });
      await tx.person.delete({ where: { id: fromId } });
      await refreshUserWords(tx, viewer.id, await photoIdsWithFaces(tx, faces));
    },
    { timeout: 120_000 },
  );
  return getPerson(viewer, intoId);
}

/**
 * Moves a face the caller may see to their person `personId`, or to a new person of its own
 * (`personId` null), marked as the user's choice: clustering never moves it back. A person left
 * with no face is removed. NOT_FOUND for a face the caller may not see ("No such face.") or a
 * person as ownPerson. Returns `{ faceId, personId }`.
 */
export async function moveFace(viewer: Viewer, faceId: string, personId: string | null) {
  if (!(await visibleFaceIds(viewer, [faceId])).has(faceId)) throw noFace();
  if (personId) await ownPerson(viewer, personId);
  const target = await db.$transaction(async (tx) => {
    const current = await tx.personFace.findUnique({ where: { userId_faceId: { userId: viewer.id, faceId } }, select: { personId: true } });
    const to = personId ?? (await tx.person.create({ data: { userId: viewer.id }, select: { id: true } })).id;
    await tx.personFace.upsert({
      where: { userId_faceId: { userId: viewer.id, faceId } },
      create: { userId: viewer.id, faceId, personId: to, source: "user" },
      update: { personId: to, source: "user" },
    });
    if (current && current.personId !== to && (await tx.personFace.count({ where: { personId: current.personId } })) === 0) {
      await tx.person.delete({ where: { id: current.personId } });
    }
    await refreshUserWords(tx, viewer.id, await photoIdsWithFaces(tx, [faceId]));
    return to;
  });
  return { faceId, personId: target };
}

/**
 * The faces of a photo as the caller sees them: `[{ id, box: { x, y, width, height } (fractions
 * of the upright image), personId, personName }]`, left to right. A photo reached only through
 * an album shared with the caller shows none (the faces of its owner's folders are not the
 * caller's to group). A face not placed into the caller's people yet has personId null.
 */
export async function facesOfPhoto(viewer: Viewer, photo: { directory: string; contentHash: string | null }) {
  if (!photo.contentHash || !scanPathHolding(viewer, photo.directory)) return [];
  const faces = await db.face.findMany({
    where: { contentHash: photo.contentHash },
    select: { id: true, x: true, y: true, width: true, height: true, people: { where: { userId: viewer.id }, select: { person: { select: { id: true, name: true } } } } },
    orderBy: { x: "asc" },
  });
  return faces.map((f) => {
    const person = f.people[0]?.person;
    return { id: f.id, box: { x: f.x, y: f.y, width: f.width, height: f.height }, personId: person?.id ?? null, personName: person ? person.name || null : null };
  });
}

/** The caller's person for the photo filter's `person`: one of their people by id, else the one
 *  named so (any case). NOT_FOUND as ownPerson when neither. */
export async function resolvePerson(viewer: Viewer, person: string): Promise<string> {
  const byId = await db.person.findFirst({ where: { id: person, userId: viewer.id }, select: { id: true } });
  if (byId && (await personVisible(viewer, byId.id))) return byId.id;
  const wanted = person.trim().normalize("NFC").toLowerCase();
  const named = await db.person.findMany({ where: { userId: viewer.id, name: { not: "" } }, select: { id: true, name: true } });
  for (const p of named) if (p.name.toLowerCase() === wanted && (await personVisible(viewer, p.id))) return p.id;
  throw noPerson();
}

/** A face's crop (160 px square WebP) for a signed-in caller who may see the face; NOT_FOUND
 *  otherwise, or when the crop is gone from disk (the media route says so). */
export async function faceCropFile(viewer: Viewer, faceId: string): Promise<MediaFile> {
  if (!(await visibleFaceIds(viewer, [faceId])).has(faceId)) throw noFace();
  const face = await db.face.findUnique({ where: { id: faceId }, select: { contentHash: true, index: true } });
  if (!face) throw noFace();
  return { file: faceCropPath(face.contentHash, face.index), etag: `"face-${faceId}"`, mime: "image/webp" };
}
