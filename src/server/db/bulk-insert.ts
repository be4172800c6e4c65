// Many rows in few statements, for the scale benchmark's seed (scripts/bench-scale-db.ts).
// Prisma's createMany costs about 1 ms a row here (its query compiler handles every value), so a
// million photos took most of an hour to seed; a raw multi-row INSERT hands the values straight
// to the driver, and each value still goes through the adapter's own conversion (a Date becomes
// SQLite's "…+00:00" text or PostgreSQL's timestamp exactly as Prisma writes it).
import { dialect } from "./index";
import { executeInTransaction } from "./execute";
import { rawParams, type Dialect, type Statement } from "./dialect";

/** Values per statement: under SQLite's limit of 32,766 bound values (PostgreSQL's is 65,535). */
const MAX_VALUES = 30_000;

/** A row of `table`: column name to value (string, number, bigint, boolean, Date or null). */
export type BulkRow = Record<string, string | number | bigint | boolean | Date | null>;

/**
 * The INSERT statements that write `rows` into `table`, as few as the value limit allows. Every
 * row must have the same columns, in the same order, as the first (throws otherwise); a column
 * with a database default may be left out of all of them, an `@updatedAt` column may not (Prisma
 * fills it, not the database).
 */
export function insertStatements(d: Dialect, table: string, rows: BulkRow[]): Statement[] {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_VALUES / columns.length));
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const { params, p } = rawParams(d);
    const tuples = rows.slice(i, i + perStatement).map((row) => {
      const keys = Object.keys(row);
      if (keys.length !== columns.length || keys.some((k, j) => k !== columns[j])) {
        throw new Error(`bulk insert into ${table}: every row needs the columns ${columns.join(", ")}, in that order`);
      }
      return `(${columns.map((c) => p(row[c])).join(", ")})`;
    });
    statements.push({ sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, params });
  }
  return statements;
}

/** Writes `rows` into `table` in one transaction (see insertStatements); returns how many. */
export async function insertRows(table: string, rows: BulkRow[]): Promise<number> {
  await executeInTransaction(insertStatements(dialect(), table, rows));
  return rows.length;
}
