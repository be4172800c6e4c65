// The schema's tables, from the generated client: a new model is emptied between tests and
// checked by tests/db/reset.test.ts without being listed anywhere. No model renames its table
// (@@map); reset.test.ts compares this list with the database's own.
import { Prisma } from "~/generated/sqlite/client";
import { db, usesPostgres } from "~/server/db";

/** The table of every model in prisma/schema.prisma. */
export const tables: readonly string[] = Object.values(Prisma.ModelName);

const quoted = (table: string) => `"${table.replace(/"/g, '""')}"`;

/** Empties every table in one transaction, then puts back the settings row the migrations
 *  create, so a test starts from the migrated state. */
export async function resetDatabase() {
  if (usesPostgres()) {
    await db.$transaction([
      db.$executeRawUnsafe(`TRUNCATE ${tables.map(quoted).join(", ")} CASCADE`),
      db.siteSettings.create({ data: { id: 1 } }),
    ]);
    return;
  }
  await db.$transaction(async (tx) => {
    // foreign keys are checked at commit, when every table is empty: the order does not matter
    await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
    for (const table of tables) await tx.$executeRawUnsafe(`DELETE FROM ${quoted(table)}`);
    await tx.siteSettings.create({ data: { id: 1 } });
  });
}

/** The number of rows in each table. */
export async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS "n" FROM ${quoted(table)}`);
    counts[table] = Number(row!.n);
  }
  return counts;
}

/** The tables in the database, but Prisma's migration bookkeeping. */
export async function databaseTables() {
  const sql = usesPostgres()
    ? `SELECT tablename::text AS "name" FROM pg_tables WHERE schemaname = current_schema()` // `name` columns do not deserialise (prisma/orm#27403)
    : // plain tables only: the FTS5 tables of search (virtual, and their shadow tables) follow
      // PhotoSearch and UserPhotoSearch through triggers (migration photo_search)
      `SELECT name AS "name" FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`;
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(sql);
  return rows.map((r) => r.name).filter((name) => name !== "_prisma_migrations");
}
