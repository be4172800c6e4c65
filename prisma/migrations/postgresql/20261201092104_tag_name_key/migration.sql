-- DropIndex
DROP INDEX "Tag_userId_name_key";

-- AlterTable
-- Tags were stored lower case until now (the app lowercased them), so each name is its own key
ALTER TABLE "Tag" ADD COLUMN     "nameKey" TEXT;
UPDATE "Tag" SET "nameKey" = "name";
ALTER TABLE "Tag" ALTER COLUMN "nameKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Tag_userId_nameKey_key" ON "Tag"("userId", "nameKey");
