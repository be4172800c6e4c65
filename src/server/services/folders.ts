// The folder view: the folders under a user's scan folders, as the disk groups them.
import path from "node:path";
import { naturalOrder } from "~/lib/natural-order";
import { db } from "~/server/db";
import { folderChildren, folderTotal } from "~/server/db/folder-children";
import { PRESENT, requireScanPaths, scanPathHolding, type Viewer } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { isInside } from "~/server/library/paths";
import { folderLabels, fromViewerPath, isFolderList, toViewerPath } from "~/server/library/viewer-paths";

/** How many unreadable files a folder view names; the count covers them all. */
const UNREADABLE_NAMED = 20;

/**
 * A folder under the viewer's scan folders (`requested` as library/viewer-paths.ts gives paths;
 * default ""): `{ path, breadcrumbs: [{ path, name }], folders: [{ path, name, photoCount, coverId }],
 * photoCount, unreadable: { count, files } }`, every path as the viewer sees it (one folder:
 * relative to it, "" being the folder itself; several: "" lists each folder as a top-level entry,
 * named by its label, with no photos of its own); `unreadable` counts the files directly here
 * that could not be read (no photos: scanner/readability.ts) and names the first of them by
 * file name. Reads the Folder summary (db/folder-summary.ts), never the photos: one row per
 * directory. A folder outside the scan folders is NOT_FOUND; a viewer without one gets
 * BAD_REQUEST saying what to do.
 */
export async function listFolder(viewer: Viewer, requested = "") {
  const scanPaths = requireScanPaths(viewer);
  if (isFolderList(scanPaths, requested)) return listScanFolders(scanPaths);
  const here = fromViewerPath(scanPaths, requested);
  const scanPath = here && scanPathHolding(viewer, here);
  if (!here || !scanPath) throw new AppError("NOT_FOUND", "No such folder.");
  // every row below `here` lies inside the scan path too, so no per-user filter is needed; the
  // database adds up each subfolder's rows (db/folder-children.ts)
  const [own, children] = await Promise.all([db.folder.findUnique({ where: { path: here }, select: { photoCount: true } }), folderChildren(here)]);
  const photosHere = own?.photoCount ?? 0;
  const shown = (absolute: string) => toViewerPath(scanPaths, absolute);
  const folders = children
    .sort((a, b) => naturalOrder(a.path, b.path))
    .map((c) => ({ path: shown(c.path), name: path.basename(c.path), photoCount: c.photoCount, coverId: c.coverId }));
  const breadcrumbs = [];
  const several = scanPaths.length > 1;
  // bounded by the scan folder even were a stored path not in resolved form
  for (let p = here; isInside(p, scanPath); p = path.dirname(p)) {
    const name = p !== scanPath ? path.basename(p) : several ? folderLabels(scanPaths).find((f) => f.path === p)!.label : "All folders";
    breadcrumbs.unshift({ path: shown(p), name });
    if (p === scanPath) break;
  }
  if (several) breadcrumbs.unshift({ path: "", name: "All folders" });
  // on the directory index, directly in this folder: a handful of rows at most
  const where = { directory: here, ...PRESENT, readError: { not: null } };
  const [unreadableCount, unreadableFiles] = await Promise.all([
    db.photo.count({ where }),
    db.photo.findMany({ where, select: { fileName: true }, orderBy: { fileName: "asc" }, take: UNREADABLE_NAMED }),
  ]);
  const unreadable = { count: unreadableCount, files: unreadableFiles.map((f) => f.fileName) };
  return { path: shown(here), breadcrumbs, folders, photoCount: photosHere, unreadable };
}

/** The top of the folder view of a viewer with several folders: each folder as an entry (its
 *  label, photos inside it, newest cover), none of its own photos or unreadable files. */
async function listScanFolders(scanPaths: readonly string[]) {
  const folders = await Promise.all(
    folderLabels(scanPaths).map(async ({ path: dir, label }) => {
      const { photoCount, coverId } = await folderTotal(dir);
      return { path: label, name: label, photoCount, coverId };
    }),
  );
  folders.sort((a, b) => naturalOrder(a.name, b.name));
  return { path: "", breadcrumbs: [{ path: "", name: "All folders" }], folders, photoCount: 0, unreadable: { count: 0, files: [] as string[] } };
}
