// Photo rows without files, for tests of what is read from the index.
import path from "node:path";
import type { Prisma } from "~/generated/sqlite/client";
import { db } from "~/server/db";
import { refreshFolderSummary } from "~/server/db/folder-summary";

type PhotoFields = Omit<Prisma.PhotoUncheckedCreateInput, "path" | "directory" | "fileName">;

/**
 * A Photo row as a scan leaves it (present, undated, a ready thumbnail, 1 byte, modified now),
 * its directory and file name taken from `file`; `fields` override the rest. Then, as a scan
 * does (tests/support/scan.ts), the folder summary of its directory is refreshed.
 */
export async function makePhoto(file: string, fields: Partial<PhotoFields> = {}) {
  const directory = path.dirname(file);
  const photo = await db.photo.create({
    data: { size: 1n, mtime: new Date(), takenAt: null, thumbnailState: "ready", ...fields, path: file, directory, fileName: path.basename(file) },
  });
  await refreshFolderSummary(directory);
  return photo;
}
