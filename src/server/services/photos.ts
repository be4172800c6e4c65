// What a user may see of the index, and their own state on it. Visibility is the one rule of
// db/visibility.ts; a photo a user may not see is NOT_FOUND, exactly like one that does not exist.
import { tagKey } from "~/lib/collections";
import { takenAtSourceOf } from "~/lib/date-source";
import { compareKeywords } from "~/lib/keywords";
import { localTimeOf } from "~/lib/local-time";
import { nextLocalDate, type PhotoFilterInput, type PhotosListInput, type PhotosSearchInput } from "~/lib/photos";
import { searchTerms } from "~/lib/search-words";
import { db } from "~/server/db";
import type { PhotoFilter } from "~/server/db/photo-filter";
import { planSearch } from "~/server/db/search";
import { mapPoints } from "~/server/db/map-points";
import { timelinePage, type TimelineRow } from "~/server/db/timeline";
import { timelineBuckets } from "~/server/db/timeline-buckets";
import { visibleTo, type Viewer } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { fromViewerPath, isFolderList, toViewerPath } from "~/server/library/viewer-paths";
import { albumAccess, findReachablePhoto } from "./album-access";
import { facesOfPhoto, resolvePerson } from "./people";
import { playbackOf } from "./playback";
import { camerasNamed } from "./search";

export type { Viewer };

const notFound = () => new AppError("NOT_FOUND", "No such photo.");

/** When and what a photo is, as both browsing procedures give it: `takenAt` the instant (the
 *  order), `takenAtLocal` the wall clock where it was taken ("YYYY-MM-DDTHH:mm:ss"; for rows
 *  scanned before that was stored, worked out from the instant and `takenAtOffset`, minutes east
 *  of UTC), `takenAtSource` where the date came from (null when unknown). */
function whenAndKind(p: Pick<TimelineRow, "takenAt" | "takenAtLocal" | "takenAtOffset" | "takenAtSource" | "mediaType" | "mime" | "animated" | "durationMs" | "hasMotion">) {
  return {
    takenAt: p.takenAt,
    takenAtLocal: localTimeOf(p),
    takenAtOffset: p.takenAtOffset,
    takenAtSource: takenAtSourceOf(p.takenAtSource),
    mediaType: p.mediaType === "video" ? ("video" as const) : ("photo" as const),
    mime: p.mime,
    animated: p.animated,
    durationMs: p.durationMs,
    hasMotion: p.hasMotion,
  };
}

/**
 * The filter keys of a request as the statements take them (db/photo-filter.ts): `folder`
 * as the viewer sees it (library/viewer-paths.ts) made absolute (one outside it is NOT_FOUND), the album
 * checked to be the viewer's or shared with them (album-access.ts; NOT_FOUND otherwise), the tag as its key, `to` as the day after,
 * `camera` as the (make, model) pairs it names, `q` as its words (lib/search-words.ts), each
 * to be the prefix of a word of the photo or of the viewer's own tag and album names on it,
 * planned for a page of `pageSize` (db/search.ts planSearch), else for reading every match;
 * `person` as one of the viewer's people (people.ts resolvePerson; NOT_FOUND otherwise).
 */
export async function resolveFilter(viewer: Viewer, input: PhotoFilterInput, opts: { pageSize?: number } = {}): Promise<PhotoFilter> {
  let folder: string | undefined;
  if (input.folder !== undefined && viewer.scanPaths.length) {
    // the list of a viewer's several folders ("") holds no photo directly, as the folder view
    // shows it; no directory is "", so the filter matches nothing
    folder = isFolderList(viewer.scanPaths, input.folder) ? "" : (fromViewerPath(viewer.scanPaths, input.folder) ?? undefined);
    if (folder === undefined) throw new AppError("NOT_FOUND", "No such folder.");
  }
  if (input.albumId) await albumAccess(viewer, input.albumId);
  const terms = input.q === undefined ? [] : searchTerms(input.q);
  return {
    folder,
    favorite: input.favorite,
    albumId: input.albumId,
    tag: input.tag === undefined ? undefined : tagKey(input.tag),
    keyword: input.keyword,
    month: input.month,
    from: input.from,
    before: input.to === undefined ? undefined : nextLocalDate(input.to),
    mediaType: input.mediaType,
    minRating: input.minRating,
    hasLocation: input.hasLocation,
    cameras: input.camera === undefined ? undefined : await camerasNamed(input.camera),
    bounds: input.bounds,
    personId: input.person === undefined ? undefined : await resolvePerson(viewer, input.person),
    // a page may stop early when the words are common; counts and the map need every match
    search: terms.length ? (opts.pageSize ? await planSearch(viewer, terms, opts.pageSize) : { terms, collect: true }) : undefined,
  };
}

/** The viewer whose folders a request reads: the caller, or for an album shared with them the
 *  album's reader (its owner's folders, the caller's id: album-access.ts), so a share shows no
 *  more than its owner may see. A folder key beside a shared album is NOT_FOUND: the owner's
 *  folders are not the caller's to name. */
async function readerFor(viewer: Viewer, input: { albumId?: string; folder?: string }) {
  if (!input.albumId) return viewer;
  const { role, reader } = await albumAccess(viewer, input.albumId);
  if (role !== "owner" && input.folder !== undefined) throw new AppError("NOT_FOUND", "No such folder.");
  return reader;
}

/** One page of timeline rows as both paged procedures give them (see listPhotos). */
export async function photoPage(viewer: Viewer, filter: PhotoFilter, cursor: string | undefined, limit: number) {
  const rows = await timelinePage(viewer, { ...filter, cursor }, limit);
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    ...whenAndKind(r),
    width: r.width,
    height: r.height,
    fileName: r.fileName,
    thumbnailState: r.thumbnailState,
    favorite: r.favorite,
  }));
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}

/**
 * One keyset page of the photos `viewer` may see, newest first by the true instant, undated last:
 * `{ items: [{ id, takenAt, takenAtLocal, takenAtOffset, takenAtSource, mediaType, mime, animated,
 * durationMs, hasMotion, width, height, fileName, thumbnailState, favorite }], nextCursor }` (see
 * whenAndKind).
 * `folder` is relative to the viewer's scan folder; one outside it, or another user's album, is
 * NOT_FOUND. `tag` is one of the viewer's tags (any case), `keyword` a file keyword (exact);
 * `month` "YYYY-MM" keeps the photos whose local date falls in it, "undated" those without one.
 * `limit` defaults to 60 (the router caps it at 200).
 */
export async function listPhotos(viewer: Viewer, input: NonNullable<PhotosListInput> = {}) {
  const { cursor, limit, ...keys } = input;
  const reader = await readerFor(viewer, keys);
  return photoPage(reader, await resolveFilter(reader, keys), cursor, limit ?? 60);
}

/**
 * photos.search: a keyset page like listPhotos (same items, newest first, undated last) of the
 * photos `viewer` may see that match every key given: `q` free text (every word the prefix of a
 * word of the file or folder names, camera, lens, title, description, file keywords, or the
 * viewer's own tag and album names; text with no letter or digit matches everything), `from`/`to`
 * local dates (inclusive), `mediaType`, `favorite`, `minRating`, `hasLocation`, `camera` (as
 * listCameras names it), `bounds`, and the list keys and `month` as listPhotos takes them.
 */
export async function searchPhotos(viewer: Viewer, input: NonNullable<PhotosSearchInput> = {}) {
  const { cursor, limit = 60, ...keys } = input;
  const reader = await readerFor(viewer, keys);
  return photoPage(reader, await resolveFilter(reader, keys, { pageSize: limit }), cursor, limit);
}

/** The months of the photos `viewer` may see that match the filter keys, for the scrubber:
 *  `[{ month: "YYYY-MM", count }]`, newest first; photos without a local date are left out. */
export async function photoBuckets(viewer: Viewer, input: PhotoFilterInput = {}) {
  const reader = await readerFor(viewer, input);
  return timelineBuckets(reader, await resolveFilter(reader, input));
}

/** Every photo `viewer` may see that has GPS coordinates, for the map: `{ points: [{ id, lat,
 *  lon }] }`, degrees rounded to 6 decimals (a tenth of a metre; shorter to send), in no order.
 *  `albumId` and `folder` narrow it as for listPhotos (NOT_FOUND likewise). */
export async function photoMapPoints(viewer: Viewer, input: { albumId?: string; folder?: string } = {}) {
  const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
  const reader = await readerFor(viewer, input);
  const points = await mapPoints(reader, await resolveFilter(reader, { albumId: input.albumId, folder: input.folder }));
  for (const point of points) {
    point.lat = round(point.lat);
    point.lon = round(point.lon);
  }
  return { points };
}

/** A photo row the viewer may see, or NOT_FOUND. For services only: it holds server paths. */
export async function findVisiblePhoto(viewer: Viewer, id: string) {
  const photo = await db.photo.findFirst({ where: { AND: [{ id }, visibleTo(viewer)] } });
  if (!photo) throw notFound();
  return photo;
}

/** Checks that the viewer may see every one of `ids` (duplicates allowed) and returns them once
 *  each; NOT_FOUND, the answer for one missing id, when any is not visible. `tx` runs the check
 *  inside the caller's transaction, so it holds for the writes that follow. */
export async function assertVisiblePhotos(viewer: Viewer, ids: string[], tx: Pick<typeof db, "photo"> = db) {
  const unique = [...new Set(ids)];
  const visible = await tx.photo.count({ where: { AND: [{ id: { in: unique } }, visibleTo(viewer)] } });
  if (visible !== unique.length) throw notFound();
  return unique;
}

/** One photo with its metadata and this viewer's favorite, tags (sorted) and faces (people.ts
 *  facesOfPhoto: none for a photo reached through a shared album). Its folder is
 *  relative to the viewer's scan folder; no server path, content hash or index bookkeeping
 *  (sidecar) leaves here. `keywords` are the file's own (the same for every user), sorted by
 *  compareKeywords; `rating` (0-5), `title` and `description` come from the file too;
 *  `thumbnailError` says why there is no preview. Dates as whenAndKind. NOT_FOUND when not visible
 *  (an album shared with the viewer makes its photos visible here while its owner may see them). */
export async function getPhoto(viewer: Viewer, id: string) {
  // a photo of an album shared with the viewer opens too; its folder is the owner's, not named
  const { photo, shared } = await findReachablePhoto(viewer, id);
  const [state, tags, keywords, faces] = await Promise.all([
    db.photoState.findUnique({ where: { userId_photoId: { userId: viewer.id, photoId: id } }, select: { favorite: true } }),
    db.photoTag.findMany({ where: { photoId: id, tag: { userId: viewer.id } }, select: { tag: { select: { name: true } } } }),
    db.photoKeyword.findMany({ where: { photoId: id }, select: { name: true } }),
    shared ? [] : facesOfPhoto(viewer, photo),
  ]);
  return {
    id: photo.id,
    fileName: photo.fileName,
    folder: shared ? "" : toViewerPath(viewer.scanPaths, photo.directory),
    size: Number(photo.size),
    ...whenAndKind(photo),
    width: photo.width,
    height: photo.height,
    orientation: photo.orientation,
    rating: photo.rating,
    title: photo.title,
    description: photo.description,
    keywords: keywords.map((k) => k.name).sort(compareKeywords),
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
    thumbnailError: photo.thumbnailState === "ready" ? null : photo.thumbnailError,
    videoCodec: photo.videoCodec,
    audioCodec: photo.audioCodec,
    ...(await playbackOf(photo)),
    favorite: state?.favorite ?? false,
    tags: tags.map((t) => t.tag.name).sort(compareKeywords),
    faces,
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

/** Sets this viewer's favorite flag on many photos at once: `{ count }`, each photo once however
 *  often `ids` names it. All or nothing: any id the viewer may not see is NOT_FOUND and changes
 *  nothing; the check and the writes are one transaction. */
export async function setFavorites(viewer: Viewer, ids: string[], favorite: boolean) {
  const count = await db.$transaction(async (tx) => {
    const unique = await assertVisiblePhotos(viewer, ids, tx);
    await tx.photoState.updateMany({ where: { userId: viewer.id, photoId: { in: unique } }, data: { favorite } });
    const existing = new Set(
      (await tx.photoState.findMany({ where: { userId: viewer.id, photoId: { in: unique } }, select: { photoId: true } })).map((s) => s.photoId),
    );
    const missing = unique.filter((photoId) => !existing.has(photoId));
    if (missing.length) await tx.photoState.createMany({ data: missing.map((photoId) => ({ userId: viewer.id, photoId, favorite })) });
    return unique.length;
  });
  return { count };
}
