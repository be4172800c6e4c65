// Photo rows without files, for tests of what is read from the index.
import path from "node:path";
import type { Prisma } from "~/generated/sqlite/client";
import { db } from "~/server/db";
import { refreshFolderSummary } from "~/server/db/folder-summary";
import { writePhotoSearch } from "~/server/scanner/search-words";

type PhotoFields = Omit<Prisma.PhotoUncheckedCreateInput, "path" | "directory" | "fileName">;

/**
 * A Photo row as a scan leaves it (present, undated, a ready thumbnail, 1 byte, modified now),
 * its directory and file name taken from `file`; `fields` override the rest. As a scan does, its
 * search words (with `keywords`, written as PhotoKeyword rows too) are written with it, and the
 * folder summary of its directory is refreshed (tests/support/scan.ts).
 */
export async function makePhoto(file: string, fields: Partial<PhotoFields> = {}, keywords: string[] = []) {
  const directory = path.dirname(file);
  const photo = await db.$transaction(async (tx) => {
    const photo = await tx.photo.create({
      data: { size: 1n, mtime: new Date(), takenAt: null, thumbnailState: "ready", ...fields, path: file, directory, fileName: path.basename(file) },
    });
    if (keywords.length) await tx.photoKeyword.createMany({ data: keywords.map((name) => ({ photoId: photo.id, name })) });
    await writePhotoSearch(tx, photo, keywords);
    return photo;
  });
  await refreshFolderSummary(directory);
  return photo;
}
