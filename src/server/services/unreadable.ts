// The files a scan found but could not read (scanner/readability.ts): not photos, so no user
// sees them in the timeline or any count; admins get the list, per folder, to fix or remove them.
import { db } from "~/server/db";
import { PRESENT } from "~/server/db/visibility";

/** How many files the admin listing holds at most (the count says how many there are). */
export const UNREADABLE_LISTED = 500;

/**
 * `{ count, folders: [{ folder, files: [{ fileName, reason, since }] }] }`: every present file
 * that could not be read, grouped by its folder (absolute server paths: admins only), folders and
 * files by path; `since` is when a scan first found it unreadable. At most UNREADABLE_LISTED files.
 */
export async function listUnreadableFiles() {
  const where = { ...PRESENT, readError: { not: null } };
  const [count, rows] = await Promise.all([
    db.photo.count({ where }),
    db.photo.findMany({
      where,
      select: { directory: true, fileName: true, readError: true, unreadableSince: true },
      orderBy: [{ directory: "asc" }, { fileName: "asc" }],
      take: UNREADABLE_LISTED,
    }),
  ]);
  const folders: { folder: string; files: { fileName: string; reason: string; since: Date | null }[] }[] = [];
  for (const r of rows) {
    if (folders.at(-1)?.folder !== r.directory) folders.push({ folder: r.directory, files: [] });
    folders.at(-1)!.files.push({ fileName: r.fileName, reason: r.readError ?? "", since: r.unreadableSince });
  }
  return { count, folders };
}
