// Which photos a scan path covers: the one definition every count, list and read uses.
import path from "node:path";

/**
 * `dir` and every path below it, on path boundaries: `base` itself, or from `from` up to `to`.
 * A range, not LIKE: Prisma passes % and _ in startsWith through as wildcards, and SQLite's
 * LIKE ignores case. Strings starting with "dir/" are exactly those from "dir/" up to "dir0"
 * ("0" follows "/") in byte order: SQLite's default, and the "C" collation of the path columns
 * on PostgreSQL (migrations photo_paths_bytewise and folder_summary).
 */
export function pathRange(dir: string) {
  const base = dir.endsWith(path.sep) ? dir.slice(0, -1) : dir;
  return { base, from: `${base}/`, to: `${base}0` };
}

/** The range as a raw SQL condition on `column`, with placeholders from `p` (db.ts rawParams). */
export function pathRangeSql(column: string, dir: string, p: (value: unknown) => string) {
  const { base, from, to } = pathRange(dir);
  return `(${column} = ${p(base)} OR (${column} >= ${p(from)} AND ${column} < ${p(to)}))`;
}

/** Prisma filter for every indexed photo inside `dir`, missing or not. */
export function photosUnder(dir: string) {
  const { base, from, to } = pathRange(dir);
  return { OR: [{ directory: base }, { directory: { gte: from, lt: to } }] };
}

/** The present (not missing) photos inside `scanPath`: what its users may see. */
export function photosInside(scanPath: string) {
  return { missingSince: null, ...photosUnder(scanPath) };
}
