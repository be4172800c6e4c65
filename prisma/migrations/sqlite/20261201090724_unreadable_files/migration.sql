-- AlterTable
ALTER TABLE "Photo" ADD COLUMN "readError" TEXT;
ALTER TABLE "Photo" ADD COLUMN "unreadableSince" DATETIME;

-- CreateIndex
CREATE INDEX "Photo_unreadableSince_idx" ON "Photo"("unreadableSince");

-- Files without a preview are read once more by the next scan, which tells the unreadable ones
-- (no bytes decoded at all) from photos that merely have no preview
UPDATE "Photo" SET "scannerVersion" = 0 WHERE "thumbnailState" = 'failed';
