// Every geotagged photo a viewer may see, for the map: one statement returning three columns,
// as a page through the query builder would build 100,000 objects it then throws away.
import { db, dialect } from "./index";
import { rawParams, type Dialect, type Statement } from "./dialect";
import { photoFilterSql, type PhotoFilter } from "./photo-filter";
import { visibleSql, type Viewer } from "./visibility";

/** The statement: id, latitude and longitude of the photos `viewer` may see that have both and
 *  match `filter`, in no particular order (the map clusters them). */
export function mapPointsStatement(d: Dialect, viewer: Viewer, filter: PhotoFilter): Statement {
  const { params, p } = rawParams(d);
  const where = [visibleSql("p", viewer, p), `p."latitude" IS NOT NULL`, `p."longitude" IS NOT NULL`, ...photoFilterSql(d, viewer, filter, p)];
  return { sql: `SELECT p."id", p."latitude", p."longitude" FROM "Photo" p\n    WHERE ${where.join("\n      AND ")}`, params };
}

/** Runs mapPointsStatement: `[{ id, lat, lon }]` in degrees. */
export async function mapPoints(viewer: Viewer, filter: PhotoFilter): Promise<{ id: string; lat: number; lon: number }[]> {
  const { sql, params } = mapPointsStatement(dialect(), viewer, filter);
  const rows = await db.$queryRawUnsafe<{ id: string; latitude: number; longitude: number }[]>(sql, ...params);
  return rows.map((r) => ({ id: r.id, lat: Number(r.latitude), lon: Number(r.longitude) }));
}
