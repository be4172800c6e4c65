// The scale benchmark seeds a million rows with raw multi-row INSERTs (db/bulk-insert.ts); the
// rows must be stored exactly as Prisma stores them, or every figure measured on them is wrong:
// a date Prisma compares with equality (SQLite keeps it as text), a bigint, a boolean, a null.
import { expect, it } from "vitest";
import { db, dialect } from "~/server/db";
import { insertRows, insertStatements, type BulkRow } from "~/server/db/bulk-insert";

const fields = (i: number) => ({
  directory: "/lib/a",
  fileName: `p${i}.jpg`,
  size: 3_000_000_000n + BigInt(i),
  mtime: new Date(Date.UTC(2021, 4, 6, 7, 8, 9, 123) + i),
  takenAt: i % 2 ? null : new Date(Date.UTC(2019, 0, 1, 0, 0, 0, 5) + i * 1000),
  hasMotion: i % 3 === 0,
  width: 4000,
  fNumber: 1.8,
});

it("rows written in bulk read back, compare and sort like rows Prisma wrote", async () => {
  const rows: BulkRow[] = Array.from({ length: 2_500 }, (_, i) => ({ id: `bulk-${String(i).padStart(5, "0")}`, path: `/lib/a/bulk-${i}.jpg`, ...fields(i), updatedAt: new Date() }));
  expect(await insertRows("Photo", rows)).toBe(2_500);
  await db.photo.create({ data: { path: "/lib/a/prisma.jpg", ...fields(4) } });

  const bulk = await db.photo.findUniqueOrThrow({ where: { id: "bulk-00004" } });
  const prisma = await db.photo.findUniqueOrThrow({ where: { path: "/lib/a/prisma.jpg" } });
  const pick = (p: typeof bulk) => ({ size: p.size, mtime: p.mtime, takenAt: p.takenAt, hasMotion: p.hasMotion, width: p.width, fNumber: p.fNumber, mediaType: p.mediaType, thumbnailState: p.thumbnailState, indexedAt: p.indexedAt instanceof Date });
  expect(pick(bulk)).toEqual(pick(prisma));
  // equality and order on the stored values: the two rows with the same instants are found together
  expect(await db.photo.count({ where: { mtime: fields(4).mtime, takenAt: fields(4).takenAt } })).toBe(2);
  expect(await db.photo.count({ where: { takenAt: null } })).toBe(1_250);
  const newest = await db.photo.findMany({ where: { takenAt: { not: null } }, orderBy: [{ takenAt: "desc" }, { path: "asc" }], take: 3, select: { fileName: true } });
  expect(newest.map((p) => p.fileName)).toEqual(["p2498.jpg", "p2496.jpg", "p2494.jpg"]);
});

it("splits under the engine's limit on bound values and refuses rows with other columns", () => {
  const rows: BulkRow[] = Array.from({ length: 4_000 }, (_, i) => ({ id: `x${i}`, a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9 }));
  const statements = insertStatements(dialect(), "T", rows);
  expect(statements.map((s) => s.params.length)).toEqual([30_000, 10_000]);
  expect(() => insertStatements(dialect(), "T", [{ a: 1, b: 2 }, { b: 2, a: 1 }])).toThrow(/every row needs the columns a, b, in that order/);
});
