// The folder view: the folders under a user's scan folder, as the disk groups them.
import path from "node:path";
import { db } from "~/server/db";
import { compareNewestFirst, foldersUnder, PRESENT, requireScanPath, type Viewer } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { isInside } from "~/server/library/paths";
import { fromViewerPath, toViewerPath } from "~/server/library/viewer-paths";

type Cover = { id: string; takenAt: Date | null };

/** How many unreadable files a folder view names; the count covers them all. */
const UNREADABLE_NAMED = 20;
type Child = { count: number; cover: Cover | null };

/**
 * A folder under the viewer's scan folder (`requested` relative to it; default: the scan folder
 * itself): `{ path, breadcrumbs: [{ path, name }], folders: [{ path, name, photoCount, coverId }],
 * photoCount, unreadable: { count, files } }`, every path relative to the scan folder ("" is the
 * folder itself); `unreadable` counts the files directly here that could not be read (no photos:
 * scanner/readability.ts) and names the first of them by file name. Reads the
 * Folder summary (db/folder-summary.ts), never the photos: one row per directory. A folder
 * outside the scan folder is NOT_FOUND; a viewer without one gets BAD_REQUEST saying what to do.
 */
export async function listFolder(viewer: Viewer, requested = "") {
  const scanPath = requireScanPath(viewer);
  const here = fromViewerPath(scanPath, requested);
  if (!here) throw new AppError("NOT_FOUND", "No such folder.");
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
  const shown = (absolute: string) => toViewerPath(scanPath, absolute);
  const folders = [...children.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { sensitivity: "base", numeric: true }))
    .map(([dir, c]) => ({ path: shown(dir), name: path.basename(dir), photoCount: c.count, coverId: c.cover?.id ?? null }));
  const breadcrumbs = [];
  // bounded by the scan folder even were a stored path not in resolved form
  for (let p = here; isInside(p, scanPath); p = path.dirname(p)) {
    breadcrumbs.unshift({ path: shown(p), name: p === scanPath ? "All folders" : path.basename(p) });
    if (p === scanPath) break;
  }
  // on the directory index, directly in this folder: a handful of rows at most
  const where = { directory: here, ...PRESENT, readError: { not: null } };
  const [unreadableCount, unreadableFiles] = await Promise.all([
    db.photo.count({ where }),
    db.photo.findMany({ where, select: { fileName: true }, orderBy: { fileName: "asc" }, take: UNREADABLE_NAMED }),
  ]);
  const unreadable = { count: unreadableCount, files: unreadableFiles.map((f) => f.fileName) };
  return { path: shown(here), breadcrumbs, folders, photoCount: photosHere, unreadable };
}
