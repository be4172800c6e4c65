// A folder's listing as the last scan found it (FolderListing): when the walk finds the same
// listing again, every file of the folder is unchanged, and the rescan reads one row for the
// folder instead of one per photo (issue 18: a no-op rescan of a million files is a walk).
import { createHash } from "node:crypto";
import path from "node:path";
import { db } from "~/server/db";
import { uniqueViolation } from "~/server/db/unique-violation";
import { foldersUnder } from "~/server/db/visibility";
import type { FoundFolder } from "./walk";

/** A folder's stored listing: `items` its files that are rows of their own (a live photo's
 *  video is its still's), `files` every indexable file the walk found there. */
export type Listing = { fingerprint: string; items: number; files: number };

/**
 * SHA-1 (hex) of what decides whether a folder's files are unchanged: the scanner's version, the
 * skip patterns, the folder's place under the scan root (patterns match paths from there) and
 * the digest of its entries (folder-threads.ts: every name with its kind, size and mtime, which
 * decide its files, their XMP sidecars and live photo partners). Two equal fingerprints mean the
 * scanner's `unchanged` test passes for every file, provided the rows were written by a scan
 * that found this listing. Taken from the entries as read, it needs none of the folder's files
 * made: a no-op rescan of a million files made a million objects and strings for it, and their
 * garbage collection cost more than the fingerprints.
 */
export function listingFingerprint(folder: Pick<FoundFolder, "directory" | "digest">, root: string, scannerVersion: number, skipPatterns: string): string {
  return createHash("sha1").update(`v${scannerVersion}\n${skipPatterns}\n${path.relative(root, folder.directory)}\n${folder.digest}`).digest("hex");
}

/** The stored listings of these folders (at most 500 at once: one query). */
export async function storedListings(directories: string[]): Promise<Map<string, Listing>> {
  const rows = await db.folderListing.findMany({ where: { path: { in: directories } }, select: { path: true, fingerprint: true, items: true, files: true } });
  return new Map(rows.map((r) => [r.path, { fingerprint: r.fingerprint, items: r.items, files: r.files }]));
}

/** Replaces the listings of these folders in one transaction. A folder whose files were not all
 *  indexed gets the fingerprint "" (matches nothing): its rows are compared on the next scan,
 *  and the row still says the folder was seen, for `listedUnder`. */
export async function storeListings(listings: Map<string, Listing>) {
  if (!listings.size) return;
  const paths = [...listings.keys()];
  await db
    .$transaction([
      db.folderListing.deleteMany({ where: { path: { in: paths } } }),
      db.folderListing.createMany({ data: paths.map((path) => ({ path, ...listings.get(path)! })) }),
    ])
    .catch((e: unknown) => {
      // a scan of an overlapping root wrote the same folders at the same moment: its listings
      // stand, and are as good as ours
      if (!uniqueViolation(e)) throw e;
    });
}

/** Every folder with a listing under `root` (itself included): the folders a scan of it must
 *  find again, or mark what they hold missing. */
export async function listedUnder(root: string): Promise<string[]> {
  const rows = await db.folderListing.findMany({ where: foldersUnder(root), select: { path: true } });
  return rows.map((r) => r.path);
}

/** Drops the listings of folders that are gone. */
export async function forgetListings(paths: string[]) {
  if (paths.length) await db.folderListing.deleteMany({ where: { path: { in: paths } } });
}
