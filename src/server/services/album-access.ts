// Who may do what with an album, and what a share lets its recipient see (issue 17). The rule:
// a grant never reaches further than its owner's own access. A recipient reads a shared album
// through the OWNER's scan folders (`reader`: the recipient's id, for their own favorites, with
// the owner's folders), so a photo the owner may no longer see (folder taken away, file gone)
// is gone for the recipient at the same request; deleting the owner deletes the album and its
// shares. Shares give access only while the site setting albumSharing is on. Outside an album a
// share reaches photos by id only (photos.get, media routes): the recipient's timeline, search,
// map, folders, favorites and tags stay their own folders. Anything else answers like a missing
// album or photo (NOT_FOUND).
import { db } from "~/server/db";
import { siteSwitchOn } from "~/server/db/site-settings";
import { visibleTo, type Viewer } from "~/server/db/visibility";
import { AppError } from "~/server/errors";

export type ShareRole = "viewer" | "contributor";
export type AlbumRole = "owner" | ShareRole;

type AlbumRow = { id: string; name: string; coverPhotoId: string | null; userId: string };
/** An album as the caller may use it: the row, the caller's role, and `reader`, the viewer whose
 *  folders decide which of its photos show (the caller's own for an owner, else the owner's
 *  folders with the caller's id). */
export type AlbumAccess = { album: AlbumRow; role: AlbumRole; reader: Viewer };

type Client = Pick<typeof db, "album" | "albumShare" | "userScanPath" | "siteSettings">;

export const noAlbum = () => new AppError("NOT_FOUND", "No such album.");

/** Whether shares give access now (SiteSettings.albumSharing). */
export const sharingEnabled = (tx: Pick<typeof db, "siteSettings"> = db) => siteSwitchOn("albumSharing", tx);

/** `userId`'s scan folders (sorted, read now) as a Viewer with the id `as`. */
export async function foldersOf(userId: string, as: string, tx: Pick<typeof db, "userScanPath"> = db): Promise<Viewer> {
  const rows = await tx.userScanPath.findMany({ where: { userId }, select: { path: true }, orderBy: { path: "asc" } });
  return { id: as, scanPaths: rows.map((r) => r.path) };
}

/**
 * The album `albumId` as `viewer` may use it: its owner, or a user it is shared with while sharing
 * is on. `need` is the least role the call requires ("owner" for rename, delete, remove, cover and
 * sharing; "contributor" for adding photos; "viewer" for reading). Anything less answers NOT_FOUND,
 * exactly like a missing album: a share never tells a recipient more than a missing album would.
 */
export async function albumAccess(viewer: Viewer, albumId: string, need: AlbumRole = "viewer", tx: Client = db): Promise<AlbumAccess> {
  const album = await tx.album.findUnique({ where: { id: albumId }, select: { id: true, name: true, coverPhotoId: true, userId: true } });
  if (!album) throw noAlbum();
  if (album.userId === viewer.id) return { album, role: "owner", reader: viewer };
  if (need === "owner") throw noAlbum();
  const share = await tx.albumShare.findUnique({ where: { albumId_userId: { albumId, userId: viewer.id } }, select: { role: true } });
  if (!share || !(await sharingEnabled(tx))) throw noAlbum();
  const role = share.role === "contributor" ? "contributor" : "viewer";
  if (need === "contributor" && role !== "contributor") throw noAlbum();
  return { album, role, reader: await foldersOf(album.userId, viewer.id, tx) };
}

/**
 * A photo row `viewer` may open by id, and `through`: the viewer whose folders grant it (the
 * caller's own, or the owner of an album shared with the caller that holds the photo and whose
 * owner may still see it). Media checks a file against `through`'s folders. NOT_FOUND otherwise.
 * For services only: the row holds server paths.
 */
export async function findReachablePhoto(viewer: Viewer, id: string) {
  const own = await db.photo.findFirst({ where: { AND: [{ id }, visibleTo(viewer)] } });
  if (own) return { photo: own, through: viewer, shared: false };
  const shares = await db.albumShare.findMany({
    where: { userId: viewer.id, album: { photos: { some: { photoId: id } } } },
    select: { album: { select: { userId: true } } },
  });
  if (shares.length && (await sharingEnabled())) {
    for (const ownerId of new Set(shares.map((s) => s.album.userId))) {
      const owner = await foldersOf(ownerId, ownerId);
      const photo = await db.photo.findFirst({ where: { AND: [{ id }, visibleTo(owner)] } });
      if (photo) return { photo, through: owner, shared: true };
    }
  }
  throw new AppError("NOT_FOUND", "No such photo.");
}
