-- Local times compare byte by byte, as on SQLite: a month and a date range are range queries on
-- "takenAtLocal" (src/server/db/photo-filter.ts), exact in the "C" collation whatever the
-- database default. The portable schema cannot say this, and Prisma diffs do not undo it.
-- (No apostrophes in comments here: the migration runner splits statements naively.)
ALTER TABLE "Photo" ALTER COLUMN "takenAtLocal" TYPE TEXT COLLATE "C";

-- Rows indexed before the local time was stored get the one the app shows for them
-- (src/lib/local-time.ts localTimeFromInstant: the instant moved by the offset, UTC without one),
-- so every dated photo falls in a month.
UPDATE "Photo" SET "takenAtLocal" = to_char("takenAt" + make_interval(mins => COALESCE("takenAtOffset", 0)), 'YYYY-MM-DD"T"HH24:MI:SS')
WHERE "takenAtLocal" IS NULL AND "takenAt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Photo_takenAtLocal_idx" ON "Photo"("takenAtLocal");
