-- A user has any number of scan folders (issue 17): User.scanPath moves into UserScanPath.
-- Edited by hand after scripts/new-migration.mjs: the table is made and filled before the
-- column goes. Each user had at most one folder, so the user's id is a unique id for its row.

-- CreateTable
CREATE TABLE "UserScanPath" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserScanPath_pkey" PRIMARY KEY ("id")
);

-- Move each user's scan path
INSERT INTO "UserScanPath" ("id", "userId", "path") SELECT "id", "id", "scanPath" FROM "User" WHERE "scanPath" IS NOT NULL;

-- CreateIndex
CREATE INDEX "UserScanPath_path_idx" ON "UserScanPath"("path");

-- CreateIndex
CREATE UNIQUE INDEX "UserScanPath_userId_path_key" ON "UserScanPath"("userId", "path");

-- AddForeignKey
ALTER TABLE "UserScanPath" ADD CONSTRAINT "UserScanPath_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- DropIndex
DROP INDEX "User_scanPath_idx";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "scanPath";
