// A folder's listing as the last scan found it (FolderListing): when the walk finds the same
// listing again, every file of the folder is unchanged, and the rescan reads one row for the
// folder instead of one per photo (issue 18: a no-op rescan of a million files is a walk).
import { createHash } from "node:crypto";
import { db } from "~/server/db";
import { uniqueViolation } from "~/server/db/unique-violation";
import { foldersUnder } from "~/server/db/visibility";
import type { FoundFolder, FoundSidecar } from "./walk";

export type Listing = { fingerprint: string; items: number };

const companion = (c: FoundSidecar | null) => (c ? `${c.path}\t${c.size}\t${c.mtimeMs}` : "");

/**
 * SHA-1 (hex) of what decides whether a folder's files are unchanged: the scanner's version and,
 * per file in walk order, its name, size, mtime (ms), XMP sidecar, live photo video and whether
 * it is such a video. Two equal fingerprints mean the scanner's `unchanged` test passes for every
 * file, provided the rows were written by a scan that found this listing.
 */
export function listingFingerprint(folder: FoundFolder, scannerVersion: number): string {
  // one string, one update: a call into the hash per file cost a no-op rescan a tenth of its time
  let text = `v${scannerVersion}\n`;
  for (const f of folder.files) text += `${f.fileName}\t${f.size}\t${f.mtimeMs}\t${companion(f.sidecar)}\t${companion(f.liveVideo)}\t${f.liveStill ?? ""}\n`;
  return createHash("sha1").update(text).digest("hex");
}

/** The stored listings of these folders (at most 500 at once: one query). */
export async function storedListings(directories: string[]): Promise<Map<string, Listing>> {
  const rows = await db.folderListing.findMany({ where: { path: { in: directories } }, select: { path: true, fingerprint: true, items: true } });
  return new Map(rows.map((r) => [r.path, { fingerprint: r.fingerprint, items: r.items }]));
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
