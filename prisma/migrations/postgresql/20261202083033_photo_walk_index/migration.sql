-- DropIndex
DROP INDEX "Photo_takenAt_id_idx";

-- AlterTable
ALTER TABLE "Photo" ADD COLUMN     "searchWords" TEXT;

-- The words already written (by hand: Prisma does not move data), before the index is built.
-- 512 bytes: INLINE_WORDS_MAX of src/server/scanner/search-words.ts: longer words stay null, and
-- the search reads them from PhotoSearch.
UPDATE "Photo" SET "searchWords" = s."words" FROM "PhotoSearch" s WHERE s."photoId" = "Photo"."id" AND octet_length(s."words") <= 512;

-- CreateIndex
CREATE INDEX "Photo_walk_idx" ON "Photo"("takenAt", "id", "missingSince", "readError", "directory", "searchWords");
