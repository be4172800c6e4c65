// The conditions that narrow a set of photos, as raw SQL on the Photo row aliased "p": one
// builder shared by the timeline pages, their month buckets, search and the map, so a filter
// means the same everywhere. Visibility is not here: every statement adds visibleSql itself.
import { instantSql, sqlTrue, type Dialect } from "./dialect";
import { personPhotoSql } from "./faces";
import { searchTermsSql, type SearchTerms } from "./search";
import type { Viewer } from "./visibility";

/** A camera as stored: EXIF Make and Model (null when the file says nothing). */
export type CameraPair = { make: string | null; model: string | null };

/**
 * What narrows the photos, already checked and resolved by the service:
 * - `folder`: an absolute directory inside the scan path (photos directly in it)
 * - `favorite`: this viewer's favorites; `albumId`: an album already checked to be the viewer's
 * - `tag`: a tag's key (collections.ts tagKey); `keyword`: a file keyword (exact, case included)
 * - `month`: "YYYY-MM" of takenAtLocal, or "undated" (no takenAtLocal)
 * - `from`: a local date "YYYY-MM-DD", the first day; `before`: the day after the last (the
 *   service turns an inclusive `to` into it), both on takenAtLocal
 * - `mediaType`, `minRating` (the file's rating), `hasLocation` (latitude and longitude)
 * - `cameras`: the (make, model) pairs one camera name stands for (an empty list matches none)
 * - `bounds`: degrees; west > east crosses the antimeridian
 * - `personId`: one of the viewer's people, already checked: photos whose content holds a face
 *   the viewer placed there
 * - `search`: words each to be the prefix of a word of the photo or of the viewer's own words
 *   for it, planned by search.ts planSearch
 */
export type PhotoFilter = {
  folder?: string;
  favorite?: boolean;
  albumId?: string;
  tag?: string;
  keyword?: string;
  month?: string;
  from?: string;
  before?: string;
  mediaType?: "photo" | "video";
  minRating?: number;
  hasLocation?: boolean;
  cameras?: CameraPair[];
  bounds?: { south: number; west: number; north: number; east: number };
  personId?: string;
  search?: SearchTerms;
};

/** The month after "YYYY-MM": the exclusive upper bound of that month's local times. */
function nextMonth(month: string) {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${String(y! + 1).padStart(4, "0")}-01` : `${String(y).padStart(4, "0")}-${String(m! + 1).padStart(2, "0")}`;
}

/**
 * Midnight UTC of the local date `day` ("YYYY-MM-DD") moved by `days`, as "YYYY-MM-DDTHH:mm:ss".
 * A photo's instant is its local time less its offset, and offsets stay within a day (EXIF's run
 * from -12:00 to +14:00; none means UTC, capture-date.ts): a local-date range lies inside the
 * instants from a day before it to a day after. Bounding takenAt as well lets a search walk its
 * newest-first index from the range instead of from today.
 */
function dayShift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 19);
}

/**
 * The filter's conditions on the Photo row aliased `p`, in text order (SQLite's placeholders are
 * positional: join them in this order). Local-time ranges compare the zoneless string
 * "YYYY-MM-DDTHH:mm:ss" byte by byte (the "C" collation on PostgreSQL, migration
 * timeline_months), so they use the takenAtLocal index.
 */
export function photoFilterSql(d: Dialect, viewer: Viewer, f: PhotoFilter, p: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (f.folder !== undefined) where.push(`p."directory" = ${p(f.folder)}`);
  if (f.favorite) {
    where.push(`EXISTS (SELECT 1 FROM "PhotoState" s WHERE s."photoId" = p."id" AND s."userId" = ${p(viewer.id)} AND s."favorite" = ${sqlTrue(d)})`);
  }
  if (f.albumId) where.push(`EXISTS (SELECT 1 FROM "AlbumPhoto" a WHERE a."photoId" = p."id" AND a."albumId" = ${p(f.albumId)})`);
  if (f.tag) {
    where.push(
      `EXISTS (SELECT 1 FROM "PhotoTag" pt JOIN "Tag" t ON t."id" = pt."tagId" WHERE pt."photoId" = p."id" AND t."userId" = ${p(viewer.id)} AND t."nameKey" = ${p(f.tag)})`,
    );
  }
  if (f.keyword) where.push(`EXISTS (SELECT 1 FROM "PhotoKeyword" k WHERE k."photoId" = p."id" AND k."name" = ${p(f.keyword)})`);
  if (f.month === "undated") where.push(`p."takenAtLocal" IS NULL`);
  else if (f.month) {
    where.push(`p."takenAtLocal" >= ${p(f.month)} AND p."takenAtLocal" < ${p(nextMonth(f.month))}`);
    where.push(`p."takenAt" >= ${instantSql(d, dayShift(`${f.month}-01`, -1), p)} AND p."takenAt" < ${instantSql(d, dayShift(`${nextMonth(f.month)}-01`, 1), p)}`);
  }
  if (f.from) where.push(`p."takenAtLocal" >= ${p(f.from)} AND p."takenAt" >= ${instantSql(d, dayShift(f.from, -1), p)}`);
  if (f.before) where.push(`p."takenAtLocal" < ${p(f.before)} AND p."takenAt" < ${instantSql(d, dayShift(f.before, 1), p)}`);
  if (f.mediaType) where.push(`p."mediaType" = ${p(f.mediaType)}`);
  if (f.minRating !== undefined) where.push(`p."rating" >= ${p(f.minRating)}`);
  if (f.hasLocation !== undefined) {
    where.push(f.hasLocation ? `p."latitude" IS NOT NULL AND p."longitude" IS NOT NULL` : `(p."latitude" IS NULL OR p."longitude" IS NULL)`);
  }
  if (f.cameras) {
    const column = (name: string, value: string | null) => (value === null ? `p."${name}" IS NULL` : `p."${name}" = ${p(value)}`);
    const pairs = f.cameras.map((c) => `(${column("cameraMake", c.make)} AND ${column("cameraModel", c.model)})`);
    where.push(pairs.length ? `(${pairs.join(" OR ")})` : "1 = 0");
  }
  if (f.bounds) {
    const { south, west, north, east } = f.bounds;
    where.push(`p."latitude" BETWEEN ${p(south)} AND ${p(north)}`);
    where.push(
      west <= east ? `p."longitude" BETWEEN ${p(west)} AND ${p(east)}` : `(p."longitude" >= ${p(west)} OR p."longitude" <= ${p(east)})`,
    );
  }
  if (f.personId) where.push(personPhotoSql(viewer, f.personId, p));
  if (f.search?.terms.length) where.push(searchTermsSql(d, viewer, f.search, p));
  return where;
}
