// The Folder table: per-directory photo counts and covers, rebuilt from Photo by the scanner so
// the folder view and the user list read a few hundred rows instead of grouping every photo;
// FolderMonth likewise per directory and local month, for the timeline's scrubber.
// Rows do not depend on the viewer: a directory lies wholly inside or outside any scan path.
import { db, dialect } from "./index";
import { rawParams, type Dialect, type Statement } from "./dialect";
import { newestFirstSql, pathRangeSql, shownSql } from "./visibility";

/**
 * The statements that rebuild the rows of `root` and every directory below it from the photos
 * present and readable there, in order: (PostgreSQL) a lock, the removal, the insert, then the
 * same for FolderMonth. The cover is the newest present photo with a ready thumbnail, as the
 * migration folder_summary back-fills it; the month counts as month_counts_camera_index does.
 */
export function folderSummaryStatements(d: Dialect, root: string): Statement[] {
  const removal = rawParams(d);
  const remove = `DELETE FROM "Folder" WHERE ${pathRangeSql(`"path"`, root, removal.p)}`;
  const { params, p } = rawParams(d);
  // the cover by a lookup per directory on the directory index: on SQLite half the time of
  // ranking every photo with a window function. "WHERE true": without it SQLite reads
  // ON CONFLICT as part of the join.
  const insert = `INSERT INTO "Folder" ("path", "photoCount", "coverId", "coverTakenAt")
    SELECT d."directory", d."n", c."id", c."takenAt"
    FROM (
      SELECT g."directory", g."n", (
        SELECT x."id" FROM "Photo" x
        WHERE x."directory" = g."directory" AND ${shownSql("x")} AND x."thumbnailState" = 'ready'
        ORDER BY ${newestFirstSql("x")} LIMIT 1
      ) AS "cover"
      FROM (SELECT "directory", COUNT(*) AS "n" FROM "Photo" WHERE ${shownSql()} AND ${pathRangeSql(`"directory"`, root, p)} GROUP BY "directory") g
    ) d
    LEFT JOIN "Photo" c ON c."id" = d."cover"
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
    ...monthStatements(d, root),
  ];
}

/** FolderMonth's removal and insert under `root`: dated photos per directory and local month. */
function monthStatements(d: Dialect, root: string): Statement[] {
  const removal = rawParams(d);
  const remove = `DELETE FROM "FolderMonth" WHERE ${pathRangeSql(`"path"`, root, removal.p)}`;
  const { params, p } = rawParams(d);
  const insert = `INSERT INTO "FolderMonth" ("path", "month", "count")
    SELECT "directory", substr("takenAtLocal", 1, 7), COUNT(*) FROM "Photo"
    WHERE ${shownSql()} AND "takenAtLocal" IS NOT NULL AND ${pathRangeSql(`"directory"`, root, p)}
    GROUP BY "directory", substr("takenAtLocal", 1, 7)`;
  return [
    { sql: remove, params: removal.params },
    { sql: insert, params },
  ];
}

/** Rebuilds the summary rows under `root` in one transaction. Anything that writes Photo rows
 *  calls it afterwards (the worker after each scan, tests through their factories). */
export async function refreshFolderSummary(root: string) {
  await db.$transaction(folderSummaryStatements(dialect(), root).map((s) => db.$executeRawUnsafe(s.sql, ...s.params)));
}
