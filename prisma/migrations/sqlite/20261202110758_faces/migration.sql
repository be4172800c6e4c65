-- CreateTable
CREATE TABLE "FaceScan" (
    "contentHash" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'running',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "error" TEXT,
    "claimedBy" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Face" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contentHash" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "x" REAL NOT NULL,
    "y" REAL NOT NULL,
    "width" REAL NOT NULL,
    "height" REAL NOT NULL,
    "score" REAL NOT NULL,
    "embedding" BLOB NOT NULL,
    CONSTRAINT "Face_contentHash_fkey" FOREIGN KEY ("contentHash") REFERENCES "FaceScan" ("contentHash") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonFace" (
    "userId" TEXT NOT NULL,
    "faceId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'cluster',

    PRIMARY KEY ("userId", "faceId"),
    CONSTRAINT "PersonFace_faceId_fkey" FOREIGN KEY ("faceId") REFERENCES "Face" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PersonFace_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SiteSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "allowRegistration" BOOLEAN NOT NULL DEFAULT false,
    "scanSchedule" TEXT NOT NULL DEFAULT '0 3 * * *',
    "skipPatterns" TEXT NOT NULL DEFAULT '',
    "mapsEnabled" BOOLEAN NOT NULL DEFAULT true,
    "mapTileUrl" TEXT NOT NULL DEFAULT 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    "mapAttribution" TEXT NOT NULL DEFAULT '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    "albumSharing" BOOLEAN NOT NULL DEFAULT true,
    "shareLinks" BOOLEAN NOT NULL DEFAULT true,
    "faceDetection" BOOLEAN NOT NULL DEFAULT true,
    "setupCompletedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SiteSettings" ("albumSharing", "allowRegistration", "id", "mapAttribution", "mapTileUrl", "mapsEnabled", "scanSchedule", "setupCompletedAt", "shareLinks", "skipPatterns", "updatedAt") SELECT "albumSharing", "allowRegistration", "id", "mapAttribution", "mapTileUrl", "mapsEnabled", "scanSchedule", "setupCompletedAt", "shareLinks", "skipPatterns", "updatedAt" FROM "SiteSettings";
DROP TABLE "SiteSettings";
ALTER TABLE "new_SiteSettings" RENAME TO "SiteSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "FaceScan_status_idx" ON "FaceScan"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Face_contentHash_index_key" ON "Face"("contentHash", "index");

-- CreateIndex
CREATE INDEX "Person_userId_name_idx" ON "Person"("userId", "name");

-- CreateIndex
CREATE INDEX "PersonFace_personId_idx" ON "PersonFace"("personId");

-- CreateIndex
CREATE INDEX "PersonFace_faceId_idx" ON "PersonFace"("faceId");
