// The figures a search plan weighs (db/search.ts planSearch): how many photos the viewer may see
// and there are in all (the Folder summary), on PostgreSQL the most common search words with
// their shares (the statistics ANALYZE keeps on the GIN index's expression), and how many photos
// each word matches. They move slowly and only steer the plan, never the answer, so each process
// keeps them for up to a minute: at a million photos, reading them took about 8 ms of every
// search on PostgreSQL (adding up 10,000 summary rows twice, and planning a query on pg_stats),
// and the words' counts 2.6 ms on SQLite, again for every further page of the same search.
import { db, dialect } from "./index";
import { rawParams, type Dialect, type Statement } from "./dialect";
import { pathRangesSql, type Viewer } from "./visibility";

/** How long a process keeps these figures (ms). */
const KEEP_MS = 60_000;
/** Viewers' counts kept at most (by their scan folders), and words' counts (by viewer and word). */
const KEPT_VIEWERS = 256;
const KEPT_WORDS = 4_096;

/** The photos under the viewer's scan folders and in all, from the Folder summary:
 *  one row `{ visible, total }`. */
export function libraryCountsStatement(d: Dialect, viewer: Viewer): Statement {
  const { params, p } = rawParams(d);
  const visible = viewer.scanPaths.length ? `(SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f WHERE ${pathRangesSql(`f."path"`, viewer.scanPaths, p)})` : "0";
  return { sql: `SELECT ${visible} AS "visible", (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f) AS "total"`, params };
}

/** PostgreSQL: the words ANALYZE found most common in the search words (pg_stats of the index
 *  PhotoSearch_words_idx: up to 1,000 from a sample of 30,000 rows) with the share of rows
 *  holding each, and the rows of the table: `[{ word, share, rows }]`, none before any ANALYZE. */
export const commonWordsStatement: Statement = {
  sql: `SELECT e."word", e."share", (SELECT GREATEST(c."reltuples", 0) FROM pg_class c WHERE c."oid" = '"PhotoSearch"'::regclass) AS "rows"
    FROM pg_stats s CROSS JOIN LATERAL unnest(s."most_common_elems"::text::text[], s."most_common_elem_freqs") AS e("word", "share")
    WHERE s."schemaname" = current_schema() AND s."tablename" = 'PhotoSearch_words_idx' AND e."word" IS NOT NULL`,
  params: [],
};

type Kept<T> = { at: number; value: T };
const counts = new Map<string, Kept<{ visible: number; total: number }>>();
const wordCounts = new Map<string, Kept<number>>();
let common: Kept<{ words: Map<string, number>; rows: number }> | undefined;
const fresh = <T>(k: Kept<T> | undefined): k is Kept<T> => !!k && performance.now() - k.at < KEEP_MS;

/** `{ visible, total }` photos for `viewer`, at most a minute old (see libraryCountsStatement). */
export async function libraryCounts(viewer: Viewer) {
  const key = JSON.stringify(viewer.scanPaths);
  const kept = counts.get(key);
  if (fresh(kept)) return kept.value;
  const { sql, params } = libraryCountsStatement(dialect(), viewer);
  const row = (await db.$queryRawUnsafe<{ visible: unknown; total: unknown }[]>(sql, ...params))[0]!;
  const value = { visible: Number(row.visible), total: Number(row.total) };
  keep(counts, key, value, KEPT_VIEWERS);
  return value;
}

/** Sets `key` in `map`, dropping the oldest entry beyond `max`. */
function keep<T>(map: Map<string, Kept<T>>, key: string, value: T, max: number) {
  map.delete(key);
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, { at: performance.now(), value });
}

/** How many photos each of `terms` matches for the viewer `viewerId`: those counted in the last
 *  minute as they were, the others by `count` (called once, with the terms missing, answering
 *  in their order). */
export async function keptWordCounts(viewerId: string, terms: string[], count: (terms: string[]) => Promise<number[]>): Promise<number[]> {
  const key = (term: string) => `${viewerId}\0${term}`;
  const missing = terms.filter((t) => !fresh(wordCounts.get(key(t))));
  if (missing.length) (await count(missing)).forEach((n, i) => keep(wordCounts, key(missing[i]!), n, KEPT_WORDS));
  return terms.map((t) => wordCounts.get(key(t))!.value);
}

/**
 * About how many photos have a word starting with each of `terms`, from the statistics (see
 * commonWordsStatement, at most a minute old): the shares of the listed words with that prefix
 * times the rows. A word it does not list counts 0, so the figure falls short of the true count
 * but for sampling (a share of 4% from 30,000 rows is good to a few percent) and for the changes
 * since ANALYZE. SQLite keeps no such statistics: 0 for every term.
 */
export async function sampledMatches(terms: string[]): Promise<number[]> {
  if (dialect() !== "postgresql") return terms.map(() => 0);
  if (!fresh(common)) {
    const rows = await db.$queryRawUnsafe<{ word: string; share: number; rows: number }[]>(commonWordsStatement.sql);
    common = { at: performance.now(), value: { words: new Map(rows.map((r) => [r.word, Number(r.share)])), rows: Number(rows[0]?.rows ?? 0) } };
  }
  const { words, rows } = common.value;
  return terms.map((term) => {
    let share = 0;
    for (const [word, s] of words) if (word.startsWith(term)) share += s;
    return share * rows;
  });
}

/** Forgets what this process kept: called where it changes the figures itself (the summary's
 *  refresh, new statistics), so that its own next search sees them at once. */
export function forgetSearchStatistics() {
  counts.clear();
  wordCounts.clear();
  common = undefined;
}
