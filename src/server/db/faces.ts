// The raw statements of faces and people (issue 19). Faces belong to a content (FaceScan,
// keyed by content hash), people to a user; a face is visible to a user while a photo of its
// content is (visibility.ts), so every count and list here joins through Photo at read time:
// a folder taken from a user takes its faces and people counts with it at once.
import { db, dialect } from "./index";
import { rawParams, type Dialect, type Statement } from "./dialect";
import { pathRangeSql, shownSql, visibleSql, type Viewer } from "./visibility";

/** A face whose content `viewer` may see: some photo with its content hash is visible. */
const faceVisibleSql = (face: string, viewer: Viewer, p: (value: unknown) => string) =>
  `EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = ${face}."contentHash" AND ${visibleSql("p", viewer, p)})`;

/** What a faces job analyses: the content hash of a shown photo or video under `root` whose
 *  preview is ready, with no analysis done or given up (FaceScan done, or failed `maxAttempts`
 *  times). A running one is listed too: the job's claim decides whether it is stale. */
function pendingWhere(root: string, maxAttempts: number, p: (value: unknown) => string) {
  return [
    pathRangeSql(`p."directory"`, root, p),
    shownSql("p"),
    `p."thumbnailState" = 'ready'`,
    `p."contentHash" IS NOT NULL`,
    `NOT EXISTS (SELECT 1 FROM "FaceScan" s WHERE s."contentHash" = p."contentHash" AND (s."status" = 'done' OR (s."status" = 'failed' AND s."attempts" >= ${p(maxAttempts)})))`,
  ];
}

/** The statement of pendingContents: up to `limit` hashes after `after`, in byte order. */
export function pendingContentsStatement(d: Dialect, root: string, maxAttempts: number, after: string, limit: number): Statement {
  const { params, p } = rawParams(d);
  const where = [...pendingWhere(root, maxAttempts, p), `p."contentHash" > ${p(after)}`];
  return { sql: `SELECT DISTINCT p."contentHash" AS "hash" FROM "Photo" p WHERE ${where.join(" AND ")} ORDER BY 1 LIMIT ${p(limit)}`, params };
}

/** Up to `limit` content hashes under `root` still to analyse (see pendingWhere), after `after`
 *  ("" for the first page), in byte order: a keyset walk visits each once per job. */
export async function pendingContents(root: string, maxAttempts: number, after: string, limit: number): Promise<string[]> {
  const { sql, params } = pendingContentsStatement(dialect(), root, maxAttempts, after, limit);
  const rows = await db.$queryRawUnsafe<{ hash: string }[]>(sql, ...params);
  return rows.map((r) => r.hash);
}

/** The statement of countPendingContents. */
export function countPendingStatement(d: Dialect, root: string, maxAttempts: number): Statement {
  const { params, p } = rawParams(d);
  return { sql: `SELECT COUNT(DISTINCT p."contentHash") AS "n" FROM "Photo" p WHERE ${pendingWhere(root, maxAttempts, p).join(" AND ")}`, params };
}

/** How many distinct contents under `root` are still to analyse (a faces job's progress total). */
export async function countPendingContents(root: string, maxAttempts: number): Promise<number> {
  const { sql, params } = countPendingStatement(dialect(), root, maxAttempts);
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(sql, ...params);
  return Number(row?.n ?? 0);
}

/** The statement of unplacedFaces. */
export function unplacedFacesStatement(d: Dialect, viewer: Viewer, after: string, limit: number): Statement {
  const { params, p } = rawParams(d);
  const where = [
    `f."id" > ${p(after)}`,
    `NOT EXISTS (SELECT 1 FROM "PersonFace" pf WHERE pf."userId" = ${p(viewer.id)} AND pf."faceId" = f."id")`,
    faceVisibleSql("f", viewer, p),
  ];
  return { sql: `SELECT f."id", f."score", f."embedding" FROM "Face" f WHERE ${where.join(" AND ")} ORDER BY f."id" LIMIT ${p(limit)}`, params };
}

/** Up to `limit` faces `viewer` may see that none of their people holds yet, after face id
 *  `after` ("" first), in id order: `[{ id, score, embedding }]` (embedding: the stored bytes). */
export async function unplacedFaces(viewer: Viewer, after: string, limit: number): Promise<{ id: string; score: number; embedding: Uint8Array }[]> {
  const { sql, params } = unplacedFacesStatement(dialect(), viewer, after, limit);
  return db.$queryRawUnsafe(sql, ...params);
}

/** The statement of peopleCounts (of one person with `personId`). */
export function peopleCountsStatement(d: Dialect, viewer: Viewer, personId?: string): Statement {
  const { params, p } = rawParams(d);
  // the cover: the face with the best score (SQLite gives the bare column of the row MAX picked)
  const cover = d === "postgresql" ? `(array_agg(f."id" ORDER BY f."score" DESC, f."id"))[1]` : `f."id"`;
  const best = d === "postgresql" ? "" : `, MAX(f."score") AS "best"`;
  const sql =
    `SELECT pf."personId", COUNT(*) AS "faceCount", ${cover} AS "coverFaceId"${best} FROM "PersonFace" pf JOIN "Face" f ON f."id" = pf."faceId"` +
    ` WHERE pf."userId" = ${p(viewer.id)}${personId ? ` AND pf."personId" = ${p(personId)}` : ""} AND ${faceVisibleSql("f", viewer, p)} GROUP BY pf."personId"`;
  return { sql, params };
}

/** Per person of `viewer` holding a face they may see: `{ personId, faceCount, coverFaceId }`
 *  (faces visible now; a person with none is left out). */
export async function peopleCounts(viewer: Viewer, personId?: string): Promise<{ personId: string; faceCount: number; coverFaceId: string }[]> {
  const { sql, params } = peopleCountsStatement(dialect(), viewer, personId);
  const rows = await db.$queryRawUnsafe<{ personId: string; faceCount: number | bigint; coverFaceId: string }[]>(sql, ...params);
  return rows.map((r) => ({ personId: r.personId, faceCount: Number(r.faceCount), coverFaceId: r.coverFaceId }));
}

/** The statement of visibleFaceIds (at least one id). */
export function visibleFaceIdsStatement(d: Dialect, viewer: Viewer, faceIds: string[]): Statement {
  const { params, p } = rawParams(d);
  const ids = faceIds.map((id) => p(id)).join(", ");
  return { sql: `SELECT f."id" FROM "Face" f WHERE f."id" IN (${ids}) AND ${faceVisibleSql("f", viewer, p)}`, params };
}

/** Which of `faceIds` `viewer` may see (a photo of the face's content is visible to them). */
export async function visibleFaceIds(viewer: Viewer, faceIds: string[]): Promise<Set<string>> {
  if (!faceIds.length || !viewer.scanPaths.length) return new Set();
  const { sql, params } = visibleFaceIdsStatement(dialect(), viewer, faceIds);
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(sql, ...params);
  return new Set(rows.map((r) => r.id));
}

/** The photo filter's condition: the photo's content holds a face `viewer` placed in person
 *  `personId` (photo-filter.ts; the Photo row is aliased "p"). */
export function personPhotoSql(viewer: Viewer, personId: string, p: (value: unknown) => string) {
  return `EXISTS (SELECT 1 FROM "Face" f JOIN "PersonFace" pf ON pf."faceId" = f."id" WHERE f."contentHash" = p."contentHash" AND pf."userId" = ${p(viewer.id)} AND pf."personId" = ${p(personId)})`;
}

/** The statement of personVisible. */
export function personVisibleStatement(d: Dialect, viewer: Viewer, personId: string): Statement {
  const { params, p } = rawParams(d);
  const sql = `SELECT 1 AS "one" FROM "PersonFace" pf JOIN "Face" f ON f."id" = pf."faceId" WHERE pf."personId" = ${p(personId)} AND pf."userId" = ${p(viewer.id)} AND ${faceVisibleSql("f", viewer, p)} LIMIT 1`;
  return { sql, params };
}

/** Whether person `personId` is `viewer`'s and holds a face they may see now. */
export async function personVisible(viewer: Viewer, personId: string): Promise<boolean> {
  if (!viewer.scanPaths.length) return false;
  const { sql, params } = personVisibleStatement(dialect(), viewer, personId);
  return (await db.$queryRawUnsafe<unknown[]>(sql, ...params)).length > 0;
}
