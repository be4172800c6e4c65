// Each user's people (issue 19): the faces a user may see that none of their people holds yet
// are placed one by one, best detected first. A face joins the person whose faces it is most
// similar to on average (average linkage: the cosine with the sum of their normalised
// embeddings, divided by their number) when that reaches JOIN_SIMILARITY, else it starts a new
// person. Not the cosine with their normalised mean: a mean of several faces drifts towards an
// average face, like everyone (a group photo of four women became one person at 0.5). So a new photo's faces join the named
// people of each user who sees it, and faces already placed are never moved by clustering:
// merges, moves and names are the user's own (services/people.ts). Runs after each faces job for
// every user whose folders meet its root, and when a user opens People with faces unplaced.
import { randomUUID } from "node:crypto";
import { db } from "~/server/db";
import { unplacedFaces } from "~/server/db/faces";
import { foreignKeyViolation, uniqueViolation } from "~/server/db/unique-violation";
import { photoIdsWithFaces, refreshUserWords } from "~/server/db/user-words";
import type { Viewer } from "~/server/db/visibility";
import { isInside } from "~/server/library/paths";
import { dot, embeddingOf } from "~/server/scanner/face-embedding";

/** Average cosine similarity of faceres embeddings at which a face joins a person: on the
 *  labelled photos of `npm run bench:faces`, pairwise precision 100% and recall 98.3% from 0.6
 *  to 0.7, precision 93% at 0.55 (docs/ARCHITECTURE.md "Faces and people"). */
export const JOIN_SIMILARITY = 0.6;
const BATCH = 500;

/** A person's running sum of embeddings and how many they are. */
export type Centroid = { personId: string; named: boolean; sum: Float32Array; count: number };

/** A person's centroid from their faces' embeddings (at least one). */
export function centroidOf(personId: string, named: boolean, embeddings: Float32Array[]): Centroid {
  const sum = new Float32Array(embeddings[0]!.length);
  for (const e of embeddings) for (let i = 0; i < e.length; i++) sum[i]! += e[i]!;
  return { personId, named, sum, count: embeddings.length };
}

function add(c: Centroid, e: Float32Array) {
  for (let i = 0; i < e.length; i++) c.sum[i]! += e[i]!;
  c.count++;
}

/** The centroids of every person of `userId`, hidden ones too (their new faces stay hidden). */
async function centroids(userId: string): Promise<Centroid[]> {
  const rows = await db.personFace.findMany({ where: { userId }, select: { personId: true, person: { select: { name: true } }, face: { select: { embedding: true } } } });
  const byPerson = new Map<string, { named: boolean; embeddings: Float32Array[] }>();
  for (const r of rows) {
    const entry = byPerson.get(r.personId) ?? { named: r.person.name !== "", embeddings: [] };
    entry.embeddings.push(embeddingOf(r.face.embedding));
    byPerson.set(r.personId, entry);
  }
  return [...byPerson].map(([personId, e]) => centroidOf(personId, e.named, e.embeddings));
}

/** The person `e` is most similar to on average, or null when none reaches `threshold`. */
export function nearest(e: Float32Array, among: Centroid[], threshold = JOIN_SIMILARITY): Centroid | null {
  let best: Centroid | null = null;
  let bestSimilarity = threshold;
  for (const c of among) {
    const s = dot(e, c.sum) / c.count;
    if (s >= bestSimilarity) {
      best = c;
      bestSimilarity = s;
    }
  }
  return best;
}

/** A face to place: its id, detector score and embedding. */
export type FaceToPlace = { id: string; score: number; embedding: Float32Array };

/**
 * The clustering rule alone, in memory: places `faces` best score first among `known` people
 * (changed in place: their centroids take the faces in), each joining the most similar person
 * at `threshold` or more, else starting one (named by `newId`). Returns each face's person, the
 * people made, and the faces that joined a named person.
 */
export function clusterFaces(faces: FaceToPlace[], known: Centroid[], threshold = JOIN_SIMILARITY, newId: () => string = randomUUID) {
  const placements: { faceId: string; personId: string }[] = [];
  const made: string[] = [];
  const joinedNamed: string[] = [];
  for (const face of [...faces].sort((a, b) => b.score - a.score)) {
    const match = nearest(face.embedding, known, threshold);
    if (match) {
      add(match, face.embedding);
      placements.push({ faceId: face.id, personId: match.personId });
      if (match.named) joinedNamed.push(face.id);
    } else {
      const personId = newId();
      made.push(personId);
      known.push(centroidOf(personId, false, [face.embedding]));
      placements.push({ faceId: face.id, personId });
    }
  }
  return { placements, made, joinedNamed };
}

/**
 * Places every face `viewer` may see that none of their people holds (db/faces.ts unplacedFaces)
 * into a person of theirs (clusterFaces), a batch of 500 per transaction. The photos whose faces
 * joined a named person get the name in their search words. Returns `{ placed, people }` (faces
 * placed, people made). Another process placing the same user's faces at the same time makes
 * this one stop quietly (the other's rows stand).
 */
export async function placeFaces(viewer: Viewer): Promise<{ placed: number; people: number }> {
  const result = { placed: 0, people: 0 };
  if (!viewer.scanPaths.length) return result;
  let known: Centroid[] | null = null;
  let after = "";
  for (;;) {
    const batch = await unplacedFaces(viewer, after, BATCH);
    if (!batch.length) return result;
    after = batch.at(-1)!.id;
    known ??= await centroids(viewer.id);
    const faces = batch.map((f) => ({ id: f.id, score: f.score, embedding: embeddingOf(f.embedding) }));
    const { placements, made, joinedNamed } = clusterFaces(faces, known);
    try {
      await db.$transaction(
        async (tx) => {
          if (made.length) await tx.person.createMany({ data: made.map((id) => ({ id, userId: viewer.id })) });
          await tx.personFace.createMany({ data: placements.map((p) => ({ userId: viewer.id, ...p })) });
          if (joinedNamed.length) await refreshUserWords(tx, viewer.id, await photoIdsWithFaces(tx, joinedNamed));
        },
        { timeout: 120_000 },
      );
    } catch (e) {
      // another process placed them first, or a person joined was merged away meanwhile: the
      // next run starts from the rows as they are
      if (uniqueViolation(e) || foreignKeyViolation(e)) return result;
      throw e;
    }
    result.placed += placements.length;
    result.people += made.length;
  }
}

/** The users whose folders lie inside `root` or hold it: whose people a faces job on `root` may
 *  change, as Viewers (all their folders). Compared in JavaScript on path boundaries: the
 *  UserScanPath column has the database's own collation, where "/" and "0" need not sort by
 *  their bytes (on PostgreSQL). */
export async function viewersMeeting(root: string): Promise<Viewer[]> {
  const rows = await db.userScanPath.findMany({ select: { userId: true, path: true }, orderBy: { path: "asc" } });
  const byUser = new Map<string, string[]>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.path]);
  return [...byUser]
    .filter(([, paths]) => paths.some((p) => isInside(p, root) || isInside(root, p)))
    .map(([id, scanPaths]) => ({ id, scanPaths: [...scanPaths].sort() }));
}
