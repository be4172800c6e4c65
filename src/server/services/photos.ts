// What a user may see of the index, and their own state on it. Visibility is the one rule of
// db/visibility.ts; a photo a user may not see is NOT_FOUND, exactly like one that does not exist.
import type { PhotosListInput } from "~/lib/photos";
import { db } from "~/server/db";
import { timelinePage } from "~/server/db/timeline";
import { visibleTo, type Viewer } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { fromViewerPath, toViewerPath } from "~/server/library/viewer-paths";

export type { Viewer };

const notFound = () => new AppError("NOT_FOUND", "No such photo.");

/**
 * One keyset page of the photos `viewer` may see, newest first, undated last:
 * `{ items: [{ id, takenAt, width, height, fileName, thumbnailState, favorite }], nextCursor }`.
 * `folder` is relative to the viewer's scan folder; one outside it, or another user's album, is
 * NOT_FOUND. `limit` defaults to 60 (the router caps it at 200).
 */
export async function listPhotos(viewer: Viewer, input: NonNullable<PhotosListInput> = {}) {
  const limit = input.limit ?? 60;
  let folder: string | undefined;
  if (input.folder !== undefined && viewer.scanPath) {
    folder = fromViewerPath(viewer.scanPath, input.folder) ?? undefined;
    if (!folder) throw new AppError("NOT_FOUND", "No such folder.");
  }
  if (input.albumId && !(await db.album.findFirst({ where: { id: input.albumId, userId: viewer.id }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "No such album.");
  }
  const rows = await timelinePage(viewer, { ...input, folder, tag: input.tag?.toLowerCase() }, limit);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}

/** A photo row the viewer may see, or NOT_FOUND. For services only: it holds server paths. */
export async function findVisiblePhoto(viewer: Viewer, id: string) {
  const photo = await db.photo.findFirst({ where: { AND: [{ id }, visibleTo(viewer)] } });
  if (!photo) throw notFound();
  return photo;
}

/** One photo with its metadata and this viewer's favorite and tags. Its folder is relative to
 *  the viewer's scan folder; no server path, content hash or index bookkeeping leaves here. */
export async function getPhoto(viewer: Viewer, id: string) {
  const photo = await findVisiblePhoto(viewer, id);
  const [state, tags] = await Promise.all([
    db.photoState.findUnique({ where: { userId_photoId: { userId: viewer.id, photoId: id } }, select: { favorite: true } }),
    db.photoTag.findMany({ where: { photoId: id, tag: { userId: viewer.id } }, select: { tag: { select: { name: true } } } }),
  ]);
  return {
    id: photo.id,
    fileName: photo.fileName,
    folder: toViewerPath(viewer.scanPath!, photo.directory),
    size: Number(photo.size),
    mime: photo.mime,
    width: photo.width,
    height: photo.height,
    orientation: photo.orientation,
    takenAt: photo.takenAt,
    takenAtOffset: photo.takenAtOffset,
    cameraMake: photo.cameraMake,
    cameraModel: photo.cameraModel,
    lens: photo.lens,
    exposureTime: photo.exposureTime,
    fNumber: photo.fNumber,
    iso: photo.iso,
    focalLength: photo.focalLength,
    latitude: photo.latitude,
    longitude: photo.longitude,
    thumbnailState: photo.thumbnailState,
    favorite: state?.favorite ?? false,
    tags: tags.map((t) => t.tag.name).sort(),
  };
}

/** Sets this viewer's favorite flag on a photo they may see: `{ id, favorite }`. */
export async function setFavorite(viewer: Viewer, id: string, favorite: boolean) {
  await findVisiblePhoto(viewer, id);
  await db.photoState.upsert({
    where: { userId_photoId: { userId: viewer.id, photoId: id } },
    create: { userId: viewer.id, photoId: id, favorite },
    update: { favorite },
  });
  return { id, favorite };
}
