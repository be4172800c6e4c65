// Which photos a scan path covers: the one definition every count, list and read uses.
import path from "node:path";

/**
 * Prisma filter for every indexed photo inside `dir`, on path boundaries, missing or not.
 * A range, not LIKE: Prisma passes % and _ in startsWith through as wildcards, and SQLite's
 * LIKE ignores case. Strings starting with "dir/" are exactly those from "dir/" up to "dir0"
 * ("0" follows "/") in byte order: SQLite's default, and the "C" collation of Photo.directory
 * on PostgreSQL (migration photo_paths_bytewise).
 */
export function photosUnder(dir: string) {
  const base = dir.endsWith(path.sep) ? dir.slice(0, -1) : dir;
  return { OR: [{ directory: base }, { directory: { gte: `${base}/`, lt: `${base}0` } }] };
}

/** The present (not missing) photos inside `scanPath`: what its users may see. */
export function photosInside(scanPath: string) {
  return { missingSince: null, ...photosUnder(scanPath) };
}
