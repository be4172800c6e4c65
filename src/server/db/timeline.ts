// One timeline page in one raw statement: going through the query builder for the rows and
// their favorites cost five times the query itself.
import { db, dialect } from "./index";
import { rawParams, type Dialect, type Statement } from "./dialect";
import { photoFilterSql, type PhotoFilter } from "./photo-filter";
import { insideScanPathSql, newestFirstSql, visibleSql, type Viewer } from "./visibility";

/** What narrows a page (photo-filter.ts), and the keyset cursor: the id of the last photo of the
 *  previous page (one outside the viewer's folder matches nothing, like a missing id). */
export type TimelineFilter = PhotoFilter & { cursor?: string };

// the Photo columns of a page row, selected in each half and again around the union
const COLUMNS = [
  "id",
  "takenAt",
  "takenAtLocal",
  "takenAtOffset",
  "takenAtSource",
  "mediaType",
  "mime",
  "animated",
  "durationMs",
  "hasMotion",
  "width",
  "height",
  "fileName",
  "thumbnailState",
];
const columns = (alias: string) => COLUMNS.map((c) => `${alias}."${c}"`).join(", ");

/**
 * The statement of one page of `limit` + 1 rows (the extra row says whether a next page exists),
 * newest first, undated photos last. Two keyset halves: the dated photos by the row value
 * (takenAt, id), so both engines seek the (takenAt, id) index to the cursor instead of filtering
 * from the top; then the undated ones by id. A row value holding NULL compares as unknown, which
 * is why the undated ones need their own half. Which index to walk (takenAt/id for a large share
 * of the library, directory for a small subtree) is the planner's choice, informed by the
 * statistics refreshed after every scan (maintenance.ts).
 */
export function timelineStatement(d: Dialect, viewer: Viewer, filter: TimelineFilter, limit: number): Statement {
  const { params, p } = rawParams(d);
  // the select list comes first in the text, so its parameter too
  const favorite = `(SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = ${p(viewer.id)})`;
  const half = (dated: boolean) => {
    const where = [visibleSql("p", viewer, p), `p."takenAt" IS ${dated ? "NOT NULL" : "NULL"}`];
    where.push(...photoFilterSql(d, viewer, filter, p));
    if (filter.cursor) {
      // compared with the cursor row's stored value, so no date is re-encoded on the way; a
      // cursor outside the viewer's folder is no row at all, like an id that does not exist
      const cursorRow = () => `c."id" = ${p(filter.cursor)} AND ${insideScanPathSql("c", viewer, p)}`;
      where.push(
        dated
          ? `(p."takenAt", p."id") < (SELECT c."takenAt", c."id" FROM "Photo" c WHERE ${cursorRow()})`
          : `EXISTS (SELECT 1 FROM "Photo" c WHERE ${cursorRow()} AND (c."takenAt" IS NOT NULL OR c."id" > p."id"))`,
      );
    }
    const order = dated ? `p."takenAt" DESC, p."id" DESC` : `p."id" DESC`;
    return `SELECT * FROM (
      SELECT ${columns("p")} FROM "Photo" p
      WHERE ${where.join("\n        AND ")}
      ORDER BY ${order} LIMIT ${p(limit + 1)}
    ) ${dated ? "dated" : "undated"}`;
  };
  const dated = half(true);
  const undated = half(false);
  const sql = `SELECT ${columns("q")}, ${favorite} AS "favorite"
    FROM (
    ${dated}
    UNION ALL
    ${undated}
    ) q
    ORDER BY ${newestFirstSql("q")} LIMIT ${p(limit + 1)}`;
  return { sql, params };
}

export type TimelineRow = {
  id: string;
  /** the true instant: the page's order */
  takenAt: Date | null;
  /** the wall clock where it was taken, "YYYY-MM-DDTHH:mm:ss", as stored (null before it was) */
  takenAtLocal: string | null;
  /** minutes east of UTC */
  takenAtOffset: number | null;
  takenAtSource: string | null;
  mediaType: string;
  mime: string | null;
  animated: boolean;
  /** milliseconds: a video, or the motion of a live or motion photo */
  durationMs: number | null;
  hasMotion: boolean;
  width: number | null;
  height: number | null;
  fileName: string;
  thumbnailState: string;
  favorite: boolean;
};

/** Runs timelineStatement on the configured database: up to `limit` + 1 rows, engine quirks
 *  (dates as text or numbers, bigints, 1/0 booleans) smoothed out. */
export async function timelinePage(viewer: Viewer, filter: TimelineFilter, limit: number): Promise<TimelineRow[]> {
  const { sql, params } = timelineStatement(dialect(), viewer, filter, limit);
  const rows = await db.$queryRawUnsafe<Record<keyof TimelineRow, unknown>[]>(sql, ...params);
  return rows.map((r) => ({
    id: String(r.id),
    takenAt: r.takenAt === null ? null : new Date(r.takenAt as string),
    takenAtLocal: textOrNull(r.takenAtLocal),
    takenAtOffset: numberOrNull(r.takenAtOffset),
    takenAtSource: textOrNull(r.takenAtSource),
    mediaType: String(r.mediaType),
    mime: textOrNull(r.mime),
    animated: bool(r.animated),
    durationMs: numberOrNull(r.durationMs),
    hasMotion: bool(r.hasMotion),
    width: numberOrNull(r.width),
    height: numberOrNull(r.height),
    fileName: String(r.fileName),
    thumbnailState: String(r.thumbnailState),
    favorite: bool(r.favorite),
  }));
}

const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));
const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
// SQLite answers 1/0 (or a bigint), PostgreSQL a boolean; the favorite is null without a state row
const bool = (v: unknown) => Boolean(Number(v ?? 0));
