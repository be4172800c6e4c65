// Database objects the Prisma schema cannot describe, made by hand in migrations: the full-text
// indexes of search (migration photo_search). `prisma migrate diff` does not know them:
// - SQLite: it ignores the FTS5 virtual tables but not their shadow tables (_config, _data,
//   _docsize, _idx), so every diff drops them (prisma/orm#8106); it ignores triggers, so a
//   migration that rebuilds a table (RedefineTables) loses the triggers keeping its index.
// - PostgreSQL: it ignores the expression GIN indexes (Prisma 6.19 leaves indexes on
//   expressions alone), and would drop any it could read.
// keepHandMade takes a diff's script and gives it back without those drops, and with the
// triggers made again (and the index rebuilt) after a rebuild of an indexed table.

/** The full-text index of each table of words, per engine. */
export const FULL_TEXT = [
  { table: "PhotoSearch", fts: "PhotoSearchFts", ginIndex: "PhotoSearch_words_idx" },
  { table: "UserPhotoSearch", fts: "UserPhotoSearchFts", ginIndex: "UserPhotoSearch_words_idx" },
];

const SHADOW = ["", "_config", "_data", "_docsize", "_idx", "_content"];

/** The SQLite triggers that keep `fts` in step with `table` (rowid = the table's id). */
export function sqliteTriggers({ table, fts }) {
  const remove = `INSERT INTO "${fts}"("${fts}", "rowid", "words") VALUES ('delete', old."id", old."words");`;
  const add = `INSERT INTO "${fts}"("rowid", "words") VALUES (new."id", new."words");`;
  return [
    `CREATE TRIGGER "${table}_fts_insert" AFTER INSERT ON "${table}" BEGIN\n  ${add}\nEND;`,
    `CREATE TRIGGER "${table}_fts_delete" AFTER DELETE ON "${table}" BEGIN\n  ${remove}\nEND;`,
    `CREATE TRIGGER "${table}_fts_update" AFTER UPDATE ON "${table}" BEGIN\n  ${remove}\n  ${add}\nEND;`,
  ].join("\n");
}

/** A diff script as its blocks: each starts at a "-- Heading" line Prisma writes. */
function blocks(sql) {
  const out = [];
  for (const line of sql.split("\n")) {
    if (/^-- \S/.test(line) || out.length === 0) out.push([]);
    out.at(-1).push(line);
  }
  return out.map((b) => b.join("\n"));
}

/**
 * `sql` (a `prisma migrate diff --script` output for `provider`) without the statements that drop
 * a hand-made full-text object; on SQLite, a block rebuilding an indexed table is followed by its
 * triggers and a rebuild of its index. Returns "" when nothing else is left.
 */
export function keepHandMade(provider, sql) {
  const dropped = new Set(
    provider === "sqlite" ? FULL_TEXT.flatMap((f) => SHADOW.map((s) => `${f.fts}${s}`)) : FULL_TEXT.map((f) => f.ginIndex),
  );
  const dropsHandMade = (block) =>
    [...block.matchAll(/DROP (?:TABLE|INDEX)\s+(?:IF EXISTS\s+)?(?:"public"\.)?"([^"]+)"/g)].some((m) => dropped.has(m[1]));
  const kept = [];
  for (const block of blocks(sql)) {
    if (dropsHandMade(block)) continue;
    kept.push(block);
    if (provider !== "sqlite") continue;
    for (const f of FULL_TEXT) {
      if (new RegExp(`ALTER TABLE "new_${f.table}" RENAME TO "${f.table}"`).test(block)) {
        kept.push(`-- Full-text index of "${f.table}" (scripts/lib/hand-made-sql.mjs): the rebuilt table lost its triggers\n${sqliteTriggers(f)}\nINSERT INTO "${f.fts}"("${f.fts}") VALUES ('rebuild');\n`);
      }
    }
  }
  const text = kept.join("\n").trim();
  // only comments, blank lines and foreign-key pragmas left: nothing to do
  const statements = text.split("\n").filter((l) => l.trim() && !l.startsWith("--") && !/^PRAGMA (defer_)?foreign_keys/i.test(l.trim()));
  return statements.length ? `${text}\n` : "";
}
