// The timeline's months and how many photos each holds, for the date scrubber: one grouped
// statement over the takenAtLocal index instead of paging through the photos.
import { db, dialect } from "./index";
import { rawParams, type Dialect, type Statement } from "./dialect";
import { photoFilterSql, type PhotoFilter } from "./photo-filter";
import { visibleSql, type Viewer } from "./visibility";

/** The statement: per month ("YYYY-MM" of takenAtLocal) of the photos `viewer` may see that
 *  match `filter`, the count; newest month first. Photos without a local date are not counted. */
export function timelineBucketsStatement(d: Dialect, viewer: Viewer, filter: PhotoFilter): Statement {
  const { params, p } = rawParams(d);
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
