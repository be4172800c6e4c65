// scripts/new-migration.mjs keeps the full-text indexes Prisma cannot describe: a real diff of
// the migrations against the schema (SQLite, whose shadow database is a file) drops nothing of
// them, and a table rebuild gets its triggers back.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module of the scripts, without types
import { FULL_TEXT, keepHandMade, sqliteTriggers } from "../../scripts/lib/hand-made-sql.mjs";

const keep = keepHandMade as (provider: string, sql: string) => string;
const triggersOf = sqliteTriggers as (f: unknown) => string;

describe("new migrations keep the hand-made full-text indexes", () => {
  it("a diff of the current migrations against the schema is empty once their drops are left out", () => {
    const scratch = path.join(mkdtempSync(path.join(os.tmpdir(), "folio-diff-")), "scratch.db");
    let sql = "";
    try {
      execFileSync("npx", ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations/sqlite", "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code"], {
        env: { ...process.env, DATABASE_URL: `file:${scratch}` },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
    } catch (e) {
      // exit code 2: a difference, which must be the drops of the FTS5 tables alone
      expect((e as { status: number }).status).toBe(2);
      sql = (e as { stdout: string }).stdout;
    }
    expect(sql).toContain('DROP TABLE "PhotoSearchFts_data"');
    expect(keep("sqlite", sql)).toBe("");
  }, 120_000);

  it("makes the triggers exactly as the migration photo_search made them", () => {
    const dir = readdirSync("prisma/migrations/sqlite").find((d) => d.endsWith("_photo_search"))!;
    const migration = readFileSync(path.join("prisma/migrations/sqlite", dir, "migration.sql"), "utf8");
    for (const f of FULL_TEXT as unknown[]) expect(migration).toContain(triggersOf(f));
  });

  it("leaves other statements alone and drops no GIN index of the words on PostgreSQL", () => {
    const sql = ['-- DropIndex\nDROP INDEX "PhotoSearch_words_idx";\n', '-- CreateIndex\nCREATE INDEX "Photo_x_idx" ON "Photo"("x");\n'].join("\n");
    expect(keep("postgresql", sql)).toBe('-- CreateIndex\nCREATE INDEX "Photo_x_idx" ON "Photo"("x");\n');
  });

  it("gives a rebuilt SQLite table of words its triggers back and rebuilds its index", () => {
    const sql = [
      "-- RedefineTables",
      "PRAGMA defer_foreign_keys=ON;",
      "PRAGMA foreign_keys=OFF;",
      'CREATE TABLE "new_UserPhotoSearch" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "words" TEXT NOT NULL, "more" TEXT);',
      'INSERT INTO "new_UserPhotoSearch" ("id", "words") SELECT "id", "words" FROM "UserPhotoSearch";',
      'DROP TABLE "UserPhotoSearch";',
      'ALTER TABLE "new_UserPhotoSearch" RENAME TO "UserPhotoSearch";',
      "PRAGMA foreign_keys=ON;",
      "PRAGMA defer_foreign_keys=OFF;",
      "",
      "-- DropTable",
      "PRAGMA foreign_keys=off;",
      'DROP TABLE "UserPhotoSearchFts_idx";',
      "PRAGMA foreign_keys=on;",
    ].join("\n");
    const out = keep("sqlite", sql);
    expect(out).toContain('ALTER TABLE "new_UserPhotoSearch" RENAME TO "UserPhotoSearch";');
    expect(out).toContain('CREATE TRIGGER "UserPhotoSearch_fts_update" AFTER UPDATE ON "UserPhotoSearch"');
    expect(out).toContain(`INSERT INTO "UserPhotoSearchFts"("UserPhotoSearchFts") VALUES ('rebuild');`);
    expect(out).not.toContain("UserPhotoSearchFts_idx");
    expect(out).not.toContain('"PhotoSearch_fts_insert"');
  });
});
