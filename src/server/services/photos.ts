// What a user may see of the index, and their own state on it. Visibility is path containment
// in the user's scan path (library/visibility.ts), checked by every function here; a photo a
// user may not see is NOT_FOUND, exactly like one that does not exist.
import path from "node:path";
import type { PhotosListInput } from "~/lib/photos";
import { db, usesPostgres } from "~/server/db";
import { AppError } from "~/server/errors";
import { isInside } from "~/server/library/paths";
import { photosInside } from "~/server/library/visibility";

export type Viewer = { id: string; scanPath: string | null };

const notFound = () => new AppError("NOT_FOUND", "No such photo.");
const NOTHING = { id: "" } as const;

/** The one place that decides which photos a user may see. */
export function visibleTo(viewer: Viewer) {
  return viewer.scanPath ? photosInside(viewer.scanPath) : NOTHING;
}

const listSelect = (userId: string) =>
  ({
    id: true,
    takenAt: true,
    width: true,
    height: true,
    fileName: true,
    thumbnailState: true,
    states: { where: { userId }, select: { favorite: true } },
  }) as const;

/**
 * The page of ids, newest first, by keyset on (takenAt, id). Raw SQL because the planner must
 * walk the (takenAt, id) index and filter, not collect the whole folder through the directory
 * index and sort it: SQLite is told so with unary + on "directory"; PostgreSQL chooses itself.
 */
async function pageOfIds(viewer: Viewer & { scanPath: string }, input: NonNullable<PhotosListInput>, limit: number) {
  const pgSql = usesPostgres();
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return pgSql ? `$${params.length}` : "?";
  };
  const dir = pgSql ? `"directory"` : `+"directory"`;
  const base = viewer.scanPath.endsWith(path.sep) ? viewer.scanPath.slice(0, -1) : viewer.scanPath;
  const where = [`"missingSince" IS NULL`, `(${dir} = ${p(base)} OR (${dir} >= ${p(`${base}/`)} AND ${dir} < ${p(`${base}0`)}))`];
  if (input.folder !== undefined) where.push(`"directory" = ${p(path.resolve(input.folder))}`);
  if (input.favorite) {
    where.push(`EXISTS (SELECT 1 FROM "PhotoState" s WHERE s."photoId" = "Photo"."id" AND s."userId" = ${p(viewer.id)} AND s."favorite" = ${pgSql ? "true" : "1"})`);
  }
  if (input.albumId) where.push(`EXISTS (SELECT 1 FROM "AlbumPhoto" a WHERE a."photoId" = "Photo"."id" AND a."albumId" = ${p(input.albumId)})`);
  if (input.tag) {
    where.push(
      `EXISTS (SELECT 1 FROM "PhotoTag" pt JOIN "Tag" t ON t."id" = pt."tagId" WHERE pt."photoId" = "Photo"."id" AND t."userId" = ${p(viewer.id)} AND t."name" = ${p(input.tag.toLowerCase())})`,
    );
  }
  if (input.cursor) {
    // compared with the cursor row's own stored value, so no date is re-encoded on the way
    const at = () => `(SELECT c."takenAt" FROM "Photo" c WHERE c."id" = ${p(input.cursor)})`;
    where.push(`("takenAt" < ${at()} OR ("takenAt" = ${at()} AND "id" < ${p(input.cursor)}))`);
  }
  const sql = `SELECT "id" FROM "Photo" WHERE ${where.join(" AND ")} ORDER BY "takenAt" DESC, "id" DESC LIMIT ${p(limit + 1)}`;
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(sql, ...params);
  return rows.map((r) => r.id);
}

export async function listPhotos(viewer: Viewer, input: NonNullable<PhotosListInput> = {}) {
  const limit = input.limit ?? 60;
  if (!viewer.scanPath) return { items: [], nextCursor: null };
  if (input.folder !== undefined && !isInside(path.resolve(input.folder), viewer.scanPath)) throw new AppError("NOT_FOUND", "No such folder.");
  if (input.albumId && !(await db.album.findFirst({ where: { id: input.albumId, userId: viewer.id }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "No such album.");
  }
  const ids = await pageOfIds({ ...viewer, scanPath: viewer.scanPath }, input, limit);
  const pageIds = ids.slice(0, limit);
  const rows = await db.photo.findMany({ where: { id: { in: pageIds } }, select: listSelect(viewer.id) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = pageIds
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map(({ states, ...p }) => ({ ...p, favorite: states[0]?.favorite ?? false }));
  return { items, nextCursor: ids.length > limit ? pageIds.at(-1)! : null };
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

/** A folder under the viewer's scan path: its subfolders with photo counts and a cover. */
export async function listFolder(viewer: Viewer, requested?: string) {
  if (!viewer.scanPath) throw new AppError("BAD_REQUEST", "You have no photo folder yet: ask an admin to set one.");
  const here = requested ? path.resolve(requested) : viewer.scanPath;
  if (!isInside(here, viewer.scanPath)) throw new AppError("NOT_FOUND", "No such folder.");
  const groups = await db.photo.groupBy({
    by: ["directory"],
    where: { AND: [visibleTo(viewer), photosInside(here)] },
    _count: { _all: true },
  });
  const children = new Map<string, number>();
  let photosHere = 0;
  for (const g of groups) {
    if (g.directory === here) photosHere = g._count._all;
    else {
      const child = path.join(here, path.relative(here, g.directory).split(path.sep)[0]!);
      children.set(child, (children.get(child) ?? 0) + g._count._all);
    }
  }
  const folders = await Promise.all(
    [...children.entries()]
      .sort(([a], [b]) => a.localeCompare(b, undefined, { sensitivity: "base", numeric: true }))
      .map(async ([dir, count]) => {
        const cover = await db.photo.findFirst({
          where: { AND: [photosInside(dir), { thumbnailState: "ready" }] },
          orderBy: [{ takenAt: "desc" }, { id: "desc" }],
          select: { id: true },
        });
        return { path: dir, name: path.basename(dir), photoCount: count, coverId: cover?.id ?? null };
      }),
  );
  const crumbs = [];
  for (let p = here; isInside(p, viewer.scanPath); p = path.dirname(p)) {
    crumbs.unshift({ path: p, name: p === viewer.scanPath ? "All folders" : path.basename(p) });
    if (p === viewer.scanPath) break;
  }
  return { path: here, breadcrumbs: crumbs, folders, photoCount: photosHere };
}
