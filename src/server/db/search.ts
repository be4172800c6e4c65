// Free-text search on the full-text indexes made by the migration photo_search: SQLite FTS5
// tables PhotoSearchFts and UserPhotoSearchFts (external content, rowid = the words row's id),
// PostgreSQL GIN indexes on array_to_tsvector(string_to_array(words, ' ')). The words were
// normalised by the app (lib/search-words.ts), so both engines only split on spaces.
import { db, dialect } from "./index";
import { rawParams, type Dialect, type Statement } from "./dialect";
import { keptWordCounts, libraryCounts, sampledMatches } from "./search-statistics";
import { type Viewer } from "./visibility";

/** The index expression of the PostgreSQL GIN indexes: the query must repeat it to use them. */
const pgWords = (alias: string) => `array_to_tsvector(string_to_array(${alias}."words", ' '))`;

/** One word as a prefix query of each engine (a word holds only letters and digits, quoted all
 *  the same). */
export function prefixQuery(d: Dialect, term: string) {
  return d === "postgresql" ? `'${term.replace(/'/g, "''")}':*` : `"${term.replace(/"/g, '""')}"*`;
}

type P = (value: unknown) => string;

/** The ids of the photos whose own words hold `term` as a prefix. */
function photoMatches(d: Dialect, term: string, p: P) {
  return d === "postgresql"
    ? `SELECT s."photoId" FROM "PhotoSearch" s WHERE ${pgWords("s")} @@ ${p(prefixQuery(d, term))}::tsquery`
    : `SELECT s."photoId" FROM "PhotoSearch" s WHERE s."id" IN (SELECT "rowid" FROM "PhotoSearchFts" WHERE "PhotoSearchFts" MATCH ${p(prefixQuery(d, term))})`;
}

/** The ids of the photos whose words of the viewer's own (tag and album names) hold `term`. */
function ownMatches(d: Dialect, viewer: Viewer, term: string, p: P) {
  return d === "postgresql"
    ? `SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = ${p(viewer.id)} AND ${pgWords("u")} @@ ${p(prefixQuery(d, term))}::tsquery`
    : `SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = ${p(viewer.id)} AND u."id" IN (SELECT "rowid" FROM "UserPhotoSearchFts" WHERE "UserPhotoSearchFts" MATCH ${p(prefixQuery(d, term))})`;
}

/**
 * `term` matches the Photo row aliased p, in the form for walking the photos in page order and
 * testing each, on this row's words alone: their copy on the row (Photo.searchWords), or
 * PhotoSearch by its unique (photoId) index when they were too long to copy, and the viewer's
 * own words by (userId, photoId). A word starts with the term: the words are separated by single
 * spaces and a term holds only letters and digits, so LIKE "% term%" on " words" is exactly
 * that, and it costs the same however many photos match.
 * - SQLite tests a photo from its entry in Photo_walk_idx and reads the table only for the
 *   photos it keeps. Reading PhotoSearch instead cost two random pages per photo visited: at a
 *   million photos a page of "canon" took 6-8 ms at p50 against 2.5 now (a photos.list page:
 *   2.1), and 2.6x the auth.status baseline over HTTP.
 * - PostgreSQL: each test inside a scalar subquery (COALESCE(..., false)), which it walks with:
 *   as EXISTS it gathered every match of the term from the GIN index into a hash first (200,000
 *   rows for a common word at a million photos), and a LIKE in the outer condition it misjudged
 *   (too few rows) and scanned the whole table instead of walking the date index. The copy on
 *   the row took a page of "canon" at a million photos from 32-36 ms at p95 to 20-21. A LIKE,
 *   not `@@` on each row's tsvector: with the lookups, 250 ms against 330 ms for 100,000 photos.
 */
function probe(d: Dialect, viewer: Viewer, term: string, p: P) {
  // the copy on the row first: COALESCE reads PhotoSearch only for words too long to copy
  const words = `COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id"))`;
  if (d === "postgresql") {
    const photo = `COALESCE((SELECT (' ' || ${words}) LIKE ${p(`% ${term}%`)}), false)`;
    const own = `COALESCE((SELECT (' ' || u."words") LIKE ${p(`% ${term}%`)} FROM "UserPhotoSearch" u WHERE u."userId" = ${p(viewer.id)} AND u."photoId" = p."id"), false)`;
    return `(${photo} OR ${own})`;
  }
  const own = `(SELECT u."words" FROM "UserPhotoSearch" u WHERE u."userId" = ${p(viewer.id)} AND u."photoId" = p."id")`;
  return `(' ' || COALESCE(${words}, '') || ' ' || COALESCE(${own}, '')) LIKE ${p(`% ${term}%`)}`;
}

/** `term` matches the Photo row aliased p, in the form each engine drives from: it looks the
 *  matches up by id and sorts them (SQLite takes two IN lists, PostgreSQL one union). */
function drive(d: Dialect, viewer: Viewer, term: string, p: P) {
  return d === "postgresql"
    ? `p."id" IN (${photoMatches(d, term, p)} UNION ALL ${ownMatches(d, viewer, term, p)})`
    : `(p."id" IN (${photoMatches(d, term, p)}) OR p."id" IN (${ownMatches(d, viewer, term, p)}))`;
}

/**
 * What free text asks of a photo: every term is the prefix of a word of the photo (PhotoSearch)
 * or of the viewer's own words for it (UserPhotoSearch; another user's words are never looked
 * at). `collect`: the engine starts from the matches of the first term (the rarest), looks them
 * up and sorts them; otherwise it walks the photos in page order and tests each, which stops
 * after a page and wins when most photos match. The answer is the same either way.
 */
export type SearchTerms = { terms: string[]; collect: boolean };

/** SearchTerms as a condition on the Photo row aliased p, for photoFilterSql. */
export function searchTermsSql(d: Dialect, viewer: Viewer, search: SearchTerms, p: P) {
  const each = search.terms.map((term, i) => (search.collect && i === 0 ? drive(d, viewer, term, p) : probe(d, viewer, term, p)));
  return each.length ? each.join("\n        AND ") : "1 = 1";
}

/** Counts of matches stop here: beyond it, the plan no longer changes much. */
export const COUNT_CAP = 20_000;

/** SQLite: the photos whose words match an FTS5 query, counted up to `cap` + 1. */
const ftsCount = (match: string, cap: number, p: P) =>
  `(SELECT COUNT(*) FROM (SELECT 1 FROM "PhotoSearchFts" WHERE "PhotoSearchFts" MATCH ${p(match)} LIMIT ${cap + 1}) a)`;

/**
 * How many photos `term` matches by their own words, up to `cap` + 1. SQLite: FTS5 reads the
 * matches of one whole word lazily, so a LIMIT stops it, but merges those of every word with a
 * prefix in memory first (5.5 ms for 200,000 matches at a million photos, against 1.2 ms for the
 * first 20,001 of the word itself): the word itself is counted first, and the prefix only when
 * the word alone stays under the cap. PostgreSQL builds the bitmap of the GIN index (every
 * match: planSearch counts no word its statistics call common) and stops reading rows at the
 * cap, but only when told not to scan the table (see SEARCH_COUNT_SETTINGS): with a LIMIT it
 * guesses that 2% of the rows match any prefix and reads the table until enough do.
 */
function photoCount(d: Dialect, term: string, cap: number, p: P) {
  if (d === "postgresql") return `(SELECT COUNT(*) FROM (${photoMatches(d, term, p)} LIMIT ${cap + 1}) a)`;
  const word = `"${term.replace(/"/g, '""')}"`;
  return `CASE WHEN ${ftsCount(word, cap, p)} > ${cap} THEN ${cap + 1} ELSE ${ftsCount(prefixQuery(d, term), cap, p)} END`;
}

/** How many photos each term matches, its own words and the viewer's, each count up to `cap` + 1
 *  (COUNT_CAP by default: beyond it the plan is the same, and a common word matches a fifth of a
 *  million photos): one row `{ t0, t1, ... }`. The viewer's own words are few. */
export function termCountsStatement(d: Dialect, viewer: Viewer, terms: string[], cap = COUNT_CAP): Statement {
  const { params, p } = rawParams(d);
  // built in text order: SQLite's placeholders are positional
  const counts = terms.map((term, i) => {
    const photo = photoCount(d, term, cap, p);
    const own =
      d === "postgresql"
        ? ownMatches(d, viewer, term, p)
        : `SELECT 1 FROM "UserPhotoSearchFts" f JOIN "UserPhotoSearch" u ON u."id" = f."rowid" WHERE "UserPhotoSearchFts" MATCH ${p(prefixQuery(d, term))} AND u."userId" = ${p(viewer.id)}`;
    return `(${photo}) + (SELECT COUNT(*) FROM (${own} LIMIT ${cap + 1}) b) AS "t${i}"`;
  });
  return { sql: `SELECT ${counts.join(",\n  ")}`, params };
}

/** PostgreSQL, in the transaction of termCountsStatement: no table scan where an index serves
 *  (the GIN index's bitmap for the words), and no JIT, which the penalty on table scans would
 *  otherwise switch on (120 ms of compiling for a query of a few). */
export const SEARCH_COUNT_SETTINGS: Statement = { sql: "SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)", params: [] };

/** The counts of termCountsStatement, in a transaction with SEARCH_COUNT_SETTINGS on PostgreSQL
 *  (SQLite: none, as a transaction there takes the write lock). */
async function termCounts(viewer: Viewer, terms: string[]): Promise<number[]> {
  const d = dialect();
  const { sql, params } = termCountsStatement(d, viewer, terms);
  let row: Record<string, unknown>;
  if (d !== "postgresql") row = (await db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params))[0]!;
  // set_config(..., true): SET LOCAL, both in one statement
  else row = (await db.$transaction([db.$queryRawUnsafe(SEARCH_COUNT_SETTINGS.sql), db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params)]))[1][0]!;
  return terms.map((_, i) => Number(row[`t${i}`]));
}

/**
 * The plan for terms matching `counts` photos each, of `visible` photos the viewer may see and
 * `total` in all, on a page of `limit`: the rarest first, collected when looking up its matches
 * costs less than walking the photos until a page of matches is found. The walk visits about
 * (limit + 1) / (share of all photos that are visible and match every term, the terms taken as
 * independent), or the viewer's photos alone when their folder is small (the planner reads a
 * small subtree through the directory index). One word in 10 of 100,000 photos walks; one in
 * 50, or words that rarely meet, collect. Counts that are lower bounds give a walk only when the
 * true counts would (more matches only make the walk shorter and the rarest more common).
 */
export function planFrom(terms: string[], counts: number[], visible: number, total: number, limit: number): SearchTerms {
  const all = Math.max(1, total);
  const counted = terms.map((term, i) => ({ term, n: counts[i]! })).sort((a, b) => a.n - b.n);
  const share = counted.reduce((f, c) => f * Math.min(1, c.n / all), visible / all);
  const walked = Math.min(visible, share > 0 ? (limit + 1) / share : Infinity);
  return { terms: counted.map((c) => c.term), collect: counted[0]!.n <= walked };
}

/**
 * SearchTerms for `terms` on a page of `limit` (see planFrom). The counts come from the
 * statistics where they suffice: on PostgreSQL, half what they say of each word (room for their
 * sampling and for the changes since) is a lower bound, and when that already calls for a walk
 * nothing is counted (the GIN index cannot count a common word without gathering every match:
 * 5 to 30 ms for 200,000 at a million photos). Otherwise each word is counted up to COUNT_CAP
 * (kept a minute, like the other figures: db/search-statistics.ts).
 */
export async function planSearch(viewer: Viewer, terms: string[], limit: number): Promise<SearchTerms> {
  if (!terms.length) return { terms, collect: false };
  const { visible, total } = await libraryCounts(viewer);
  const sampled = (await sampledMatches(terms)).map((n) => Math.floor(n / 2));
  const fromStatistics = planFrom(terms, sampled, visible, total, limit);
  if (!fromStatistics.collect) return fromStatistics;
  return planFrom(terms, await keptWordCounts(viewer.id, terms, (missing) => termCounts(viewer, missing)), visible, total, limit);
}
