// What differs between the two engines in the raw statements of this folder.
export type Dialect = "sqlite" | "postgresql";

/** Values for a raw statement and their placeholders in `dialect`. Call p() in the order the
 *  values appear in the text, once per use: SQLite's placeholders are positional. */
export function rawParams(dialect: Dialect) {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return dialect === "postgresql" ? `$${params.length}` : "?";
  };
  return { params, p };
}

/** A boolean literal: SQLite stores booleans as 1 and 0. */
export const sqlTrue = (dialect: Dialect) => (dialect === "postgresql" ? "true" : "1");

/** One raw statement with its values, as the snapshot test records it. */
export type Statement = { sql: string; params: unknown[] };

/**
 * An instant as a value comparable with a stored DateTime column: `utc` is "YYYY-MM-DDTHH:mm:ss"
 * in UTC. SQLite keeps Prisma's DateTime as text "YYYY-MM-DDTHH:mm:ss.sss+00:00" (compared byte
 * by byte); PostgreSQL's column is TIMESTAMP(3).
 */
export function instantSql(d: Dialect, utc: string, p: (value: unknown) => string): string {
  return d === "postgresql" ? `CAST(${p(utc)} AS TIMESTAMP(3))` : p(`${utc}.000+00:00`);
}
