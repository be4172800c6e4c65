// Which photos a user may see, the one definition every read uses: a photo is visible when it is
// present (not missing), readable (its bytes decoded: scanner/readability.ts) and lies inside
// one of the viewer's scan folders, on path boundaries. A viewer with no scan folder sees
// nothing. Given as a Prisma filter and as a raw SQL condition (one path range per folder,
// OR-ed: each is a seek on the directory index), with the one order of the timeline (newest
// first, undated photos last) in both forms. A user's folders never overlap
// (library/scan-paths.ts), so no photo is inside two of them.
import path from "node:path";
import { AppError } from "~/server/errors";

/** Whoever reads photos: a user id and their scan folders (absolute, resolved, sorted; none
 *  until an admin gives one). */
export type Viewer = { id: string; scanPaths: readonly string[] };

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

/** The range as a raw SQL condition on `column`, with placeholders from `p` (dialect.ts rawParams). */
export function pathRangeSql(column: string, dir: string, p: (value: unknown) => string) {
  const { base, from, to } = pathRange(dir);
  return `(${column} = ${p(base)} OR (${column} >= ${p(from)} AND ${column} < ${p(to)}))`;
}

/** Prisma filter for every indexed photo inside `dir`, missing or not (the scanner's view). */
export function photosUnder(dir: string) {
  const { base, from, to } = pathRange(dir);
  return { OR: [{ directory: base }, { directory: { gte: from, lt: to } }] };
}

/** Prisma filter for the Folder summary rows of `dir` and every directory below it. */
export function foldersUnder(dir: string) {
  const { base, from, to } = pathRange(dir);
  return { OR: [{ path: base }, { path: { gte: from, lt: to } }] };
}

/** A photo whose file was there at the last scan (a vanished one keeps its row, hidden, until
 *  it returns): as a Prisma filter, and as SQL on the Photo row aliased `alias` ("" for none). */
export const PRESENT = { missingSince: null };
export const presentSql = (alias = "") => `${alias ? `${alias}.` : ""}"missingSince" IS NULL`;

/** A present file whose bytes could be read: a photo or video, where an empty, truncated or
 *  mislabelled file is not one (it is listed for admins instead). Every read and count of
 *  photos (timeline, folder summary, tags, albums, user counts) keeps to these. */
export const SHOWN = { ...PRESENT, readError: null };
export const shownSql = (alias = "") => `${presentSql(alias)} AND ${alias ? `${alias}.` : ""}"readError" IS NULL`;

/** Matches no row: what a viewer without a scan path sees. */
const NO_PHOTOS = { id: { in: [] as string[] } };

/** Prisma filter for every indexed photo inside any of `dirs` (none: no photo). */
export function photosUnderAny(dirs: readonly string[]) {
  if (dirs.length === 1) return photosUnder(dirs[0]!);
  return dirs.length ? { OR: dirs.flatMap((d) => photosUnder(d).OR) } : NO_PHOTOS;
}

/** Prisma filter for the Folder summary rows inside any of `dirs` (none: no row). */
export function foldersUnderAny(dirs: readonly string[]) {
  if (dirs.length === 1) return foldersUnder(dirs[0]!);
  return dirs.length ? { OR: dirs.flatMap((d) => foldersUnder(d).OR) } : { path: { in: [] as string[] } };
}

/** `column` lies inside any of `dirs`, as raw SQL: one range per folder, OR-ed ("1 = 0" for none). */
export function pathRangesSql(column: string, dirs: readonly string[], p: (value: unknown) => string) {
  if (!dirs.length) return "1 = 0";
  if (dirs.length === 1) return pathRangeSql(column, dirs[0]!, p);
  return `(${dirs.map((d) => pathRangeSql(column, d, p)).join(" OR ")})`;
}

/** Prisma filter for the photos `viewer` may see. */
export function visibleTo(viewer: Viewer) {
  return viewer.scanPaths.length ? { ...SHOWN, ...photosUnderAny(viewer.scanPaths) } : NO_PHOTOS;
}

/** The same rule as a raw SQL condition on the Photo row aliased `alias`. */
export function visibleSql(alias: string, viewer: Viewer, p: (value: unknown) => string) {
  if (!viewer.scanPaths.length) return "1 = 0";
  return `${shownSql(alias)} AND ${insideScanPathSql(alias, viewer, p)}`;
}

/** The Photo row aliased `alias` lies inside one of the viewer's scan folders, present or not:
 *  where a keyset cursor may point (a page may end on a photo whose file vanished since). A
 *  cursor elsewhere matches no row, exactly like an id that does not exist, so it neither
 *  confirms nor dates a photo the viewer may not see. */
export function insideScanPathSql(alias: string, viewer: Viewer, p: (value: unknown) => string) {
  return pathRangesSql(`${alias}."directory"`, viewer.scanPaths, p);
}

/** The viewer's scan folder holding `absolute` (a photo's directory or path), or null. */
export function scanPathHolding(viewer: Viewer, absolute: string): string | null {
  const base = (dir: string) => (dir.endsWith(path.sep) ? dir : dir + path.sep);
  return viewer.scanPaths.find((d) => absolute === d || absolute.startsWith(base(d))) ?? null;
}

/** Newest first by date taken, then id; a photo without a date sorts after every dated one, on
 *  both engines (SQLite puts NULL last in a descending order, PostgreSQL first). */
export const NEWEST_FIRST = [{ takenAt: { sort: "desc", nulls: "last" } }, { id: "desc" }] as const;

/** NEWEST_FIRST as an ORDER BY list for the Photo row (or page row) aliased `alias`. */
export const newestFirstSql = (alias: string) => `${alias}."takenAt" DESC NULLS LAST, ${alias}."id" DESC`;

/** NEWEST_FIRST for rows already in memory: negative when `a` comes before `b`. */
export function compareNewestFirst(a: { takenAt: Date | null; id: string }, b: { takenAt: Date | null; id: string }) {
  const at = a.takenAt?.getTime() ?? -Infinity;
  const bt = b.takenAt?.getTime() ?? -Infinity;
  if (at !== bt) return at > bt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

/** For reads that need a folder: the viewer's folders (at least one); a viewer without one is
 *  told what to do (BAD_REQUEST). */
export function requireScanPaths(viewer: Viewer, own = true): readonly string[] {
  if (viewer.scanPaths.length) return viewer.scanPaths;
  throw new AppError(
    "BAD_REQUEST",
    own ? "You have no photo folder yet: ask an admin to set one." : "This user has no scan path: set one first.",
  );
}
