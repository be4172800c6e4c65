// What a user may see of the index, and their own state on it. Visibility is path containment
// in the user's scan path (library/visibility.ts), checked by every function here; a photo a
// user may not see is NOT_FOUND, exactly like one that does not exist.
import path from "node:path";
import type { PhotosListInput } from "~/lib/photos";
import { db } from "~/server/db";
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

export async function listPhotos(viewer: Viewer, input: NonNullable<PhotosListInput> = {}) {
  const limit = input.limit ?? 60;
  const filters: object[] = [visibleTo(viewer)];
  if (input.folder !== undefined) {
    if (!viewer.scanPath || !isInside(path.resolve(input.folder), viewer.scanPath)) throw new AppError("NOT_FOUND", "No such folder.");
    filters.push({ directory: path.resolve(input.folder) });
  }
  if (input.favorite) filters.push({ states: { some: { userId: viewer.id, favorite: true } } });
  if (input.albumId) {
    const album = await db.album.findFirst({ where: { id: input.albumId, userId: viewer.id }, select: { id: true } });
    if (!album) throw new AppError("NOT_FOUND", "No such album.");
    filters.push({ albums: { some: { albumId: album.id } } });
  }
  if (input.tag) filters.push({ tags: { some: { tag: { userId: viewer.id, name: input.tag.toLowerCase() } } } });
  const rows = await db.photo.findMany({
    where: { AND: filters },
    orderBy: [{ takenAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: listSelect(viewer.id),
  });
  const items = rows.slice(0, limit).map(({ states, ...p }) => ({ ...p, favorite: states[0]?.favorite ?? false }));
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
