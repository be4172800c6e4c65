// The timeline's months and how many photos each holds, for the date scrubber: without filters
// (a folder aside) the sum of the FolderMonth rows of the viewer's directories (a few thousand
// rows at most, whatever the library's size), else one grouped statement over the photos.
import { db, dialect } from "./index";
import { rawParams, type Dialect, type Statement } from "./dialect";
import { photoFilterSql, type PhotoFilter } from "./photo-filter";
import { pathRangesSql, visibleSql, type Viewer } from "./visibility";

/** True when nothing but the folder narrows the photos: FolderMonth holds the answer. */
function onlyFolder(filter: PhotoFilter) {
  const { folder, favorite, ...rest } = filter;
  void folder;
  return !favorite && Object.values(rest).every((v) => v === undefined);
}

/** The statement: per month ("YYYY-MM" of takenAtLocal) of the photos `viewer` may see that
 *  match `filter`, the count; newest month first. Photos without a local date are not counted. */
export function timelineBucketsStatement(d: Dialect, viewer: Viewer, filter: PhotoFilter): Statement {
  const { params, p } = rawParams(d);
  if (onlyFolder(filter)) {
    // a directory lies wholly inside or outside a scan folder: the rows need no other check
    const where = [pathRangesSql(`f."path"`, viewer.scanPaths, p)];
    if (filter.folder !== undefined) where.push(`f."path" = ${p(filter.folder)}`);
    const sql = `SELECT f."month" AS "month", SUM(f."count") AS "count"
    FROM "FolderMonth" f
    WHERE ${where.join("\n      AND ")}
    GROUP BY f."month"
    ORDER BY "month" DESC`;
    return { sql, params };
  }
  const where = [visibleSql("p", viewer, p), `p."takenAtLocal" IS NOT NULL`, ...photoFilterSql(d, viewer, filter, p)];
  const sql = `SELECT substr(p."takenAtLocal", 1, 7) AS "month", COUNT(*) AS "count"
    FROM "Photo" p
    WHERE ${where.join("\n      AND ")}
    GROUP BY substr(p."takenAtLocal", 1, 7)
    ORDER BY "month" DESC`;
  return { sql, params };
}

/** Runs timelineBucketsStatement: `[{ month: "YYYY-MM", count }]`, newest month first. */
export async function timelineBuckets(viewer: Viewer, filter: PhotoFilter): Promise<{ month: string; count: number }[]> {
  const { sql, params } = timelineBucketsStatement(dialect(), viewer, filter);
  const rows = await db.$queryRawUnsafe<{ month: unknown; count: unknown }[]>(sql, ...params);
  return rows.map((r) => ({ month: String(r.month), count: Number(r.count) }));
}
