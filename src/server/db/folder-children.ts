// The folder view's numbers from the Folder summary, added up by the database: per subfolder of
// a folder, the photos in its whole subtree and the newest cover among them. At a million
// photos the library's top holds ten thousand summary rows below it; reading them all into
// the web process to add them up cost 100 to 500 ms (issue 18), the sum in SQL a few.
import { db, dialect } from "./index";
import { rawParams, type Dialect, type Statement } from "./dialect";
import { pathRange, pathRangeSql } from "./visibility";

export type FolderTotal = { path: string; photoCount: number; coverId: string | null };

/** The newest cover first, as the summary picked covers (NEWEST_FIRST: undated last, then id);
 *  a row without a cover last. */
const COVER_ORDER = `("coverId" IS NULL), "coverTakenAt" DESC NULLS LAST, "coverId" DESC`;

/** One row per group of `grouped`'s rows (`grouped` yields "path", "photoCount", "coverId",
 *  "coverTakenAt" and the group key "g"): the group, its sum and its newest cover. */
const totalsSql = (grouped: string) => `SELECT "g", "n", "coverId" FROM (
    SELECT "g", SUM("photoCount") OVER (PARTITION BY "g") AS "n", "coverId",
      ROW_NUMBER() OVER (PARTITION BY "g" ORDER BY ${COVER_ORDER}) AS "r"
    FROM (${grouped}) x
  ) y WHERE "r" = 1`;

/**
 * Per direct subfolder of `dir` that holds photos somewhere below it: `g` its name (the first
 * path part below `dir`), `n` the photos in its subtree, `coverId` the newest cover there.
 * Rows strictly below `dir` only (the range of pathRange: "dir/" up to "dir0").
 */
export function folderChildrenStatement(d: Dialect, dir: string): Statement {
  const { from, to } = pathRange(dir);
  const { params, p } = rawParams(d);
  const position = d === "postgresql" ? (s: string) => `strpos(${s}, '/')` : (s: string) => `instr(${s}, '/')`;
  // the part after "dir/", measured by the database in its own characters; a function, as each
  // use binds its own value (SQLite's placeholders are positional)
  const rest = () => `substr("path", length(${p(from)}) + 1)`;
  const grouped = `SELECT "photoCount", "coverId", "coverTakenAt",
      CASE WHEN ${position(rest())} = 0 THEN ${rest()} ELSE substr(${rest()}, 1, ${position(rest())} - 1) END AS "g"
    FROM "Folder" WHERE "path" >= ${p(from)} AND "path" < ${p(to)}`;
  return { sql: totalsSql(grouped), params };
}

/** One row for `dir` and everything below it (`g` is "all"). */
export function folderTotalStatement(d: Dialect, dir: string): Statement {
  const { params, p } = rawParams(d);
  const grouped = `SELECT "photoCount", "coverId", "coverTakenAt", 'all' AS "g" FROM "Folder" WHERE ${pathRangeSql(`"path"`, dir, p)}`;
  return { sql: totalsSql(grouped), params };
}

type Row = { g: string; n: number | bigint; coverId: string | null };
const total = (path: string, r: Row | undefined): FolderTotal => ({ path, photoCount: Number(r?.n ?? 0), coverId: r?.coverId ?? null });

/** What folderChildren added up for the folders asked last, with the summary's version then:
 *  the library's top (a thousand subfolders, ten thousand summary rows below it at a million
 *  photos) took 16 ms a time, and people go back to it often. */
const added = new Map<string, { version: number; totals: FolderTotal[] }>();
const KEPT_FOLDERS = 64;

/** The Folder summary's version (db/folder-summary.ts raises it with every refresh); 0 before
 *  the first. */
async function summaryVersion(): Promise<number> {
  return (await db.folderSummaryVersion.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? 0;
}

/** The direct subfolders of `dir` (absolute) holding photos below them, with their totals, in
 *  no particular order: a new array each call. Added up again only when the summary changed
 *  since the last time (its version is read first, so totals are never kept under a version
 *  older than the rows they came from). */
export async function folderChildren(dir: string): Promise<FolderTotal[]> {
  const version = await summaryVersion();
  const kept = added.get(dir);
  if (kept?.version === version) {
    // the most recently used last: the first is the one to drop
    added.delete(dir);
    added.set(dir, kept);
    return [...kept.totals];
  }
  const s = folderChildrenStatement(dialect(), dir);
  const rows = await db.$queryRawUnsafe<Row[]>(s.sql, ...s.params);
  const { base } = pathRange(dir);
  const totals = rows.map((r) => total(`${base}/${r.g}`, r));
  added.delete(dir);
  added.set(dir, { version, totals });
  if (added.size > KEPT_FOLDERS) added.delete(added.keys().next().value!);
  return [...totals];
}

/** The photos in `dir` and below it, and the newest cover there (0 and null when none). */
export async function folderTotal(dir: string): Promise<FolderTotal> {
  const s = folderTotalStatement(dialect(), dir);
  const [row] = await db.$queryRawUnsafe<Row[]>(s.sql, ...s.params);
  return total(pathRange(dir).base, row);
}
