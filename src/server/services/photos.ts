// What a user may see of the index, and their own state on it. Visibility is path containment
// in the user's scan path (library/visibility.ts), checked by every function here; a photo a
// user may not see is NOT_FOUND, exactly like one that does not exist.
import path from "node:path";
import type { PhotosListInput } from "~/lib/photos";
import { db, rawParams, usesPostgres } from "~/server/db";
import { AppError } from "~/server/errors";
import { foldersUnder } from "~/server/library/folder-summary";
import { isInside } from "~/server/library/paths";
import { pathRangeSql, photosInside } from "~/server/library/visibility";

export type Viewer = { id: string; scanPath: string | null };

const notFound = () => new AppError("NOT_FOUND", "No such photo.");
const NOTHING = { id: "" } as const;

/** The one place that decides which photos a user may see. */
export function visibleTo(viewer: Viewer) {
  return viewer.scanPath ? photosInside(viewer.scanPath) : NOTHING;
}

type PageRow = { id: string; takenAt: Date | null; width: number | null; height: number | null; fileName: string; thumbnailState: string; favorite: unknown };

/**
 * One page, newest first, by keyset on (takenAt, id), in one statement: going through the
 * query builder for the rows and their favorites cost five times the query itself. Which index
 * to walk (takenAt/id for a large share of the library, directory for a small subtree) is the
 * planner's choice, informed by the statistics refreshed after every scan (refreshPlannerStatistics).
 */
export function timelineStatement(viewer: Viewer & { scanPath: string }, input: NonNullable<PhotosListInput>, limit: number) {
  const { params, p } = rawParams();
  const userId = () => p(viewer.id);
  // the select list comes first in the text, so its parameter too
  const favorite = `(SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = p."id" AND s."userId" = ${userId()})`;
  const where = [`p."missingSince" IS NULL`, pathRangeSql(`p."directory"`, viewer.scanPath, p)];
  if (input.folder !== undefined) where.push(`p."directory" = ${p(path.resolve(/* turbopackIgnore: true */ input.folder))}`);
  if (input.favorite) where.push(`EXISTS (SELECT 1 FROM "PhotoState" s WHERE s."photoId" = p."id" AND s."userId" = ${userId()} AND s."favorite" = ${usesPostgres() ? "true" : "1"})`);
  if (input.albumId) where.push(`EXISTS (SELECT 1 FROM "AlbumPhoto" a WHERE a."photoId" = p."id" AND a."albumId" = ${p(input.albumId)})`);
  if (input.tag) {
    where.push(
      `EXISTS (SELECT 1 FROM "PhotoTag" pt JOIN "Tag" t ON t."id" = pt."tagId" WHERE pt."photoId" = p."id" AND t."userId" = ${userId()} AND t."name" = ${p(input.tag.toLowerCase())})`,
    );
  }
  // a row value, so both engines seek the index to the cursor instead of filtering from the top;
  // compared with the cursor row's stored value, so no date is re-encoded on the way
  if (input.cursor) where.push(`(p."takenAt", p."id") < (SELECT c."takenAt", c."id" FROM "Photo" c WHERE c."id" = ${p(input.cursor)})`);
  const sql = `SELECT p."id", p."takenAt", p."width", p."height", p."fileName", p."thumbnailState", ${favorite} AS "favorite"
    FROM "Photo" p WHERE ${where.join(" AND ")} ORDER BY p."takenAt" DESC, p."id" DESC LIMIT ${p(limit + 1)}`;
  return { sql, params };
}

async function pageOfPhotos(viewer: Viewer & { scanPath: string }, input: NonNullable<PhotosListInput>, limit: number) {
  const { sql, params } = timelineStatement(viewer, input, limit);
  return db.$queryRawUnsafe<PageRow[]>(sql, ...params);
}

export async function listPhotos(viewer: Viewer, input: NonNullable<PhotosListInput> = {}) {
  const limit = input.limit ?? 60;
  if (!viewer.scanPath) return { items: [], nextCursor: null };
  if (input.folder !== undefined && !isInside(path.resolve(/* turbopackIgnore: true */ input.folder), viewer.scanPath)) throw new AppError("NOT_FOUND", "No such folder.");
  if (input.albumId && !(await db.album.findFirst({ where: { id: input.albumId, userId: viewer.id }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "No such album.");
  }
  const rows = await pageOfPhotos({ ...viewer, scanPath: viewer.scanPath }, input, limit);
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    takenAt: r.takenAt === null ? null : new Date(r.takenAt),
    width: r.width === null ? null : Number(r.width),
    height: r.height === null ? null : Number(r.height),
    fileName: r.fileName,
    thumbnailState: r.thumbnailState,
    // SQLite answers 1/0 (or a bigint), PostgreSQL a boolean, both null without a state row
    favorite: Boolean(Number(r.favorite ?? 0)),
  }));
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}

/** A photo the viewer may see, or NOT_FOUND. */
export async function findVisiblePhoto(viewer: Viewer, id: string) {
  const photo = await db.photo.findFirst({ where: { AND: [{ id }, visibleTo(viewer)] } });
  if (!photo) throw notFound();
  return photo;
}

export async function getPhoto(viewer: Viewer, id: string) {
  const photo = await findVisiblePhoto(viewer, id);
  const [state, tags] = await Promise.all([
    db.photoState.findUnique({ where: { userId_photoId: { userId: viewer.id, photoId: id } }, select: { favorite: true } }),
    db.photoTag.findMany({ where: { photoId: id, tag: { userId: viewer.id } }, select: { tag: { select: { name: true } } } }),
  ]);
  const { size, ...rest } = photo;
  return { ...rest, size: Number(size), favorite: state?.favorite ?? false, tags: tags.map((t) => t.tag.name).sort() };
}

export async function setFavorite(viewer: Viewer, id: string, favorite: boolean) {
  await findVisiblePhoto(viewer, id);
  await db.photoState.upsert({
    where: { userId_photoId: { userId: viewer.id, photoId: id } },
    create: { userId: viewer.id, photoId: id, favorite },
    update: { favorite },
  });
  return { id, favorite };
}

/** A folder under the viewer's scan path: its subfolders with photo counts and a cover. Reads
 *  the Folder summary (library/folder-summary.ts), never the photos: one row per directory. */
export async function listFolder(viewer: Viewer, requested?: string) {
  if (!viewer.scanPath) throw new AppError("BAD_REQUEST", "You have no photo folder yet: ask an admin to set one.");
  const here = requested ? path.resolve(requested) : viewer.scanPath;
  if (!isInside(here, viewer.scanPath)) throw new AppError("NOT_FOUND", "No such folder.");
  // every row below `here` lies inside the scan path too, so no per-user filter is needed
  const rows = await db.folder.findMany({
    where: foldersUnder(here),
    select: { path: true, photoCount: true, coverId: true, coverTakenAt: true },
  });
  type Child = { count: number; coverId: string | null; coverAt: number };
  const children = new Map<string, Child>();
  let photosHere = 0;
  for (const r of rows) {
    if (r.path === here) {
      photosHere = r.photoCount;
      continue;
    }
    const dir = path.join(here, path.relative(here, r.path).split(path.sep)[0]!);
    const child = children.get(dir) ?? { count: 0, coverId: null, coverAt: -Infinity };
    child.count += r.photoCount;
    // newest by (takenAt, id), an undated photo oldest: the order the summary picked covers by
    const at = r.coverTakenAt?.getTime() ?? -Infinity;
    if (r.coverId && (child.coverId === null || at > child.coverAt || (at === child.coverAt && r.coverId > child.coverId))) {
      child.coverId = r.coverId;
      child.coverAt = at;
    }
    children.set(dir, child);
  }
  const folders = [...children.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { sensitivity: "base", numeric: true }))
    .map(([dir, c]) => ({ path: dir, name: path.basename(dir), photoCount: c.count, coverId: c.coverId }));
  const crumbs = [];
  for (let p = here; isInside(p, viewer.scanPath); p = path.dirname(p)) {
    crumbs.unshift({ path: p, name: p === viewer.scanPath ? "All folders" : path.basename(p) });
    if (p === viewer.scanPath) break;
  }
  return { path: here, breadcrumbs: crumbs, folders, photoCount: photosHere };
}
