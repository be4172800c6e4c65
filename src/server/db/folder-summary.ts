// The Folder table: per-directory photo counts and covers, rebuilt from Photo by the scanner so
// the folder view and the user list read a few hundred rows instead of grouping every photo;
// FolderMonth likewise per directory and local month, for the timeline's scrubber.
// Rows do not depend on the viewer: a directory lies wholly inside or outside any scan path.
import { dialect } from "./index";
import { executeInTransaction } from "./execute";
import { forgetSearchStatistics } from "./search-statistics";
import { rawParams, type Dialect, type Statement } from "./dialect";
import { newestFirstSql, pathRangeSql, shownSql } from "./visibility";

/**
 * The statements that rebuild the rows of `root` and every directory below it from the photos
 * present and readable there, in order: (PostgreSQL) a lock, the removal, the insert, then the
 * same for FolderMonth. The cover is the newest present photo with a ready thumbnail, as the
 * migration folder_summary back-fills it; the month counts as month_counts_camera_index does.
 */
export function folderSummaryStatements(d: Dialect, root: string): Statement[] {
  return summaryStatements(d, (column, p) => pathRangeSql(column, root, p));
}

/** The same for exactly these directories (not below them): what a scan changed. An empty list
 *  gives no statement. */
export function folderSummaryStatementsFor(d: Dialect, directories: readonly string[]): Statement[] {
  if (!directories.length) return [];
  return summaryStatements(d, (column, p) => `${column} IN (${directories.map((dir) => p(dir)).join(", ")})`);
}

/** Which rows a refresh covers: a condition on a path column, its values bound through `p`. */
type Scope = (column: string, p: (value: unknown) => string) => string;

function summaryStatements(d: Dialect, scope: Scope): Statement[] {
  const removal = rawParams(d);
  const remove = `DELETE FROM "Folder" WHERE ${scope(`"path"`, removal.p)}`;
  const { params, p } = rawParams(d);
  // the cover by a lookup per directory on the directory index (on SQLite half the time of
  // ranking every photo with a window function; named there, as before any ANALYZE SQLite took
  // the thumbnailState index instead and read every ready photo for each directory: hours at a
  // million), once per directory (MATERIALIZED: inlined, SQLite ran it twice), then its date by
  // a lookup on its id (PostgreSQL joined the covers to the whole table by hash, misjudging how
  // many directories there were: 0.7 s to refresh 100 folders of a million photos). "WHERE
  // true": without it SQLite reads ON CONFLICT as part of the FROM clause.
  const directoryIndex = d === "sqlite" ? ` INDEXED BY "Photo_directory_idx"` : "";
  const insert = `WITH d AS MATERIALIZED (
      SELECT g."directory", g."n", (
        SELECT x."id" FROM "Photo" x${directoryIndex}
        WHERE x."directory" = g."directory" AND ${shownSql("x")} AND x."thumbnailState" = 'ready'
        ORDER BY ${newestFirstSql("x")} LIMIT 1
      ) AS "cover"
      FROM (SELECT "directory", COUNT(*) AS "n" FROM "Photo" WHERE ${shownSql()} AND ${scope(`"directory"`, p)} GROUP BY "directory") g
    )
    INSERT INTO "Folder" ("path", "photoCount", "coverId", "coverTakenAt")
    SELECT d."directory", d."n", d."cover", (SELECT c."takenAt" FROM "Photo" c WHERE c."id" = d."cover")
    FROM d
    WHERE true
    ON CONFLICT ("path") DO UPDATE SET "photoCount" = excluded."photoCount", "coverId" = excluded."coverId",
      "coverTakenAt" = excluded."coverTakenAt", "updatedAt" = CURRENT_TIMESTAMP`;
  return [
    // PostgreSQL: refreshes of overlapping roots (two workers, roots just re-folded) take turns,
    // so neither deadlocks on the other's rows nor re-inserts what the other just removed;
    // ON CONFLICT stays as the second line of defence. SQLite already has one writer at a time.
    ...(d === "postgresql" ? [{ sql: `SELECT pg_advisory_xact_lock(hashtext('folio.folder-summary'))`, params: [] }] : []),
    { sql: remove, params: removal.params },
    { sql: insert, params },
    ...monthStatements(d, scope),
  ];
}

/** FolderMonth's removal and insert under `root`: dated photos per directory and local month. */
function monthStatements(d: Dialect, scope: Scope): Statement[] {
  const removal = rawParams(d);
  const remove = `DELETE FROM "FolderMonth" WHERE ${scope(`"path"`, removal.p)}`;
  const { params, p } = rawParams(d);
  const insert = `INSERT INTO "FolderMonth" ("path", "month", "count")
    SELECT "directory", substr("takenAtLocal", 1, 7), COUNT(*) FROM "Photo"
    WHERE ${shownSql()} AND "takenAtLocal" IS NOT NULL AND ${scope(`"directory"`, p)}
    GROUP BY "directory", substr("takenAtLocal", 1, 7)`;
  return [
    { sql: remove, params: removal.params },
    { sql: insert, params },
  ];
}

/** Rebuilds the summary rows under `root` in one transaction. Anything that writes Photo rows
 *  calls it afterwards (the worker after a resumed scan, tests through their factories). */
export async function refreshFolderSummary(root: string) {
  await run(folderSummaryStatements(dialect(), root));
}

/** How many directories one refresh statement names (bound parameters stay far below SQLite's
 *  32,766 and PostgreSQL's 65,535). */
const DIRECTORIES_AT_ONCE = 500;

/** Rebuilds the summary rows of exactly `directories` (absolute paths, as Photo.directory), in
 *  transactions of 500: after a scan, the folders it changed, so the cost follows the change
 *  and not the library (issue 18). */
export async function refreshFolderSummaryOf(directories: Iterable<string>) {
  const list = [...new Set(directories)].sort();
  for (let i = 0; i < list.length; i += DIRECTORIES_AT_ONCE) await run(folderSummaryStatementsFor(dialect(), list.slice(i, i + DIRECTORIES_AT_ONCE)));
}

/** Raises the summary's version (FolderSummaryVersion), last in every refresh's transaction. */
export const summaryVersionBump: Statement = {
  sql: `INSERT INTO "FolderSummaryVersion" ("id", "version") VALUES (1, 1)
    ON CONFLICT ("id") DO UPDATE SET "version" = "FolderSummaryVersion"."version" + 1`,
  params: [],
};

const run = async (statements: Statement[]) => {
  await executeInTransaction([...statements, summaryVersionBump]);
  forgetSearchStatistics();
};
