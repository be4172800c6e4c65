// The folder view: the folders under a user's scan folders, as the disk groups them.
import path from "node:path";
import { db } from "~/server/db";
import { compareNewestFirst, foldersUnder, PRESENT, requireScanPaths, scanPathHolding, type Viewer } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { isInside } from "~/server/library/paths";
import { folderLabels, fromViewerPath, isFolderList, toViewerPath } from "~/server/library/viewer-paths";

type Cover = { id: string; takenAt: Date | null };

/** How many unreadable files a folder view names; the count covers them all. */
const UNREADABLE_NAMED = 20;
type Child = { count: number; cover: Cover | null };

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
  // every row below `here` lies inside the scan path too, so no per-user filter is needed
  const rows = await db.folder.findMany({
    where: foldersUnder(here),
    select: { path: true, photoCount: true, coverId: true, coverTakenAt: true },
  });
  const children = new Map<string, Child>();
  let photosHere = 0;
  for (const r of rows) {
    if (r.path === here) {
      photosHere = r.photoCount;
      continue;
    }
    const dir = path.join(here, path.relative(here, r.path).split(path.sep)[0]!);
    const child = children.get(dir) ?? { count: 0, cover: null };
    child.count += r.photoCount;
    // the newest of the subfolders' covers, in the order the summary picked them by
    const cover = r.coverId ? { id: r.coverId, takenAt: r.coverTakenAt } : null;
    if (cover && (!child.cover || compareNewestFirst(cover, child.cover) < 0)) child.cover = cover;
    children.set(dir, child);
  }
  const shown = (absolute: string) => toViewerPath(scanPaths, absolute);
  const folders = [...children.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { sensitivity: "base", numeric: true }))
    .map(([dir, c]) => ({ path: shown(dir), name: path.basename(dir), photoCount: c.count, coverId: c.cover?.id ?? null }));
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
      const rows = await db.folder.findMany({ where: foldersUnder(dir), select: { photoCount: true, coverId: true, coverTakenAt: true } });
      let cover: Cover | null = null;
      for (const r of rows) {
        const c = r.coverId ? { id: r.coverId, takenAt: r.coverTakenAt } : null;
        if (c && (!cover || compareNewestFirst(c, cover) < 0)) cover = c;
      }
      return { path: label, name: label, photoCount: rows.reduce((n, r) => n + r.photoCount, 0), coverId: cover?.id ?? null };
    }),
  );
  folders.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base", numeric: true }));
  return { path: "", breadcrumbs: [{ path: "", name: "All folders" }], folders, photoCount: 0, unreadable: { count: 0, files: [] as string[] } };
}
