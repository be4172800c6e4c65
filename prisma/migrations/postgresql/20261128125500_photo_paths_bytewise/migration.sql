-- Photo paths compare byte by byte, as on SQLite: folder containment is a range query on
-- "directory" (src/server/library/visibility.ts), which is exact only in the "C" collation.
-- The portable schema cannot say this (no db attributes), and Prisma diffs do not undo it.
-- (No apostrophes in comments here: the migration runner splits statements naively.)
ALTER TABLE "Photo" ALTER COLUMN "directory" TYPE TEXT COLLATE "C";
ALTER TABLE "Photo" ALTER COLUMN "path" TYPE TEXT COLLATE "C";
