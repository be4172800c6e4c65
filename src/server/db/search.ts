// Free-text search on the full-text indexes made by the migration photo_search: SQLite FTS5
// tables PhotoSearchFts and UserPhotoSearchFts (external content, rowid = the words row's id),
// PostgreSQL GIN indexes on array_to_tsvector(string_to_array(words, ' ')). The words were
// normalised by the app (lib/search-words.ts), so both engines only split on spaces.
import type { Dialect } from "./dialect";
import type { Viewer } from "./visibility";

/** The index expression of the PostgreSQL GIN indexes: the query must repeat it to use them. */
const pgWords = (alias: string) => `array_to_tsvector(string_to_array(${alias}."words", ' '))`;

/** One word as a prefix query of each engine (a word holds only letters and digits, quoted all
 *  the same). */
export function prefixQuery(d: Dialect, term: string) {
  return d === "postgresql" ? `'${term.replace(/'/g, "''")}':*` : `"${term.replace(/"/g, '""')}"*`;
}

/**
 * The condition "every term is the prefix of a word of the photo (PhotoSearch) or of the
 * viewer's own words for it (their tag and album names, UserPhotoSearch)" on the Photo row
 * aliased p, for PhotoFilter.search. Another user's words are never looked at.
 */
export function searchTermsSql(d: Dialect, viewer: Viewer, terms: string[]) {
  return (p: (value: unknown) => string) => {
    const each = terms.map((term) => {
      const photo =
        d === "postgresql"
          ? `SELECT s."photoId" FROM "PhotoSearch" s WHERE ${pgWords("s")} @@ ${p(prefixQuery(d, term))}::tsquery`
          : `SELECT s."photoId" FROM "PhotoSearch" s WHERE s."id" IN (SELECT "rowid" FROM "PhotoSearchFts" WHERE "PhotoSearchFts" MATCH ${p(prefixQuery(d, term))})`;
      const own =
        d === "postgresql"
          ? `SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = ${p(viewer.id)} AND ${pgWords("u")} @@ ${p(prefixQuery(d, term))}::tsquery`
          : `SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = ${p(viewer.id)} AND u."id" IN (SELECT "rowid" FROM "UserPhotoSearchFts" WHERE "UserPhotoSearchFts" MATCH ${p(prefixQuery(d, term))})`;
      return `(p."id" IN (${photo}) OR p."id" IN (${own}))`;
    });
    return each.length ? each.join(" AND ") : "1 = 1";
  };
}
