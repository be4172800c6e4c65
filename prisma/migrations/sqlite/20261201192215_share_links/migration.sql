-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "albumId" TEXT,
    "expiresAt" DATETIME,
    "passwordHash" TEXT,
    "allowDownload" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShareLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShareLink_albumId_fkey" FOREIGN KEY ("albumId") REFERENCES "Album" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShareLinkPhoto" (
    "linkId" TEXT NOT NULL,
    "photoId" TEXT NOT NULL,

    PRIMARY KEY ("linkId", "photoId"),
    CONSTRAINT "ShareLinkPhoto_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ShareLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShareLinkPhoto_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "setupCompletedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SiteSettings" ("albumSharing", "allowRegistration", "id", "mapAttribution", "mapTileUrl", "mapsEnabled", "scanSchedule", "setupCompletedAt", "skipPatterns", "updatedAt") SELECT "albumSharing", "allowRegistration", "id", "mapAttribution", "mapTileUrl", "mapsEnabled", "scanSchedule", "setupCompletedAt", "skipPatterns", "updatedAt" FROM "SiteSettings";
DROP TABLE "SiteSettings";
ALTER TABLE "new_SiteSettings" RENAME TO "SiteSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_userId_idx" ON "ShareLink"("userId");

-- CreateIndex
CREATE INDEX "ShareLink_albumId_idx" ON "ShareLink"("albumId");

-- CreateIndex
CREATE INDEX "ShareLinkPhoto_photoId_idx" ON "ShareLinkPhoto"("photoId");
