-- CreateTable
CREATE TABLE "AlbumShare" (
    "albumId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("albumId", "userId"),
    CONSTRAINT "AlbumShare_albumId_fkey" FOREIGN KEY ("albumId") REFERENCES "Album" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AlbumShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "setupCompletedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SiteSettings" ("allowRegistration", "id", "mapAttribution", "mapTileUrl", "mapsEnabled", "scanSchedule", "setupCompletedAt", "skipPatterns", "updatedAt") SELECT "allowRegistration", "id", "mapAttribution", "mapTileUrl", "mapsEnabled", "scanSchedule", "setupCompletedAt", "skipPatterns", "updatedAt" FROM "SiteSettings";
DROP TABLE "SiteSettings";
ALTER TABLE "new_SiteSettings" RENAME TO "SiteSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AlbumShare_userId_idx" ON "AlbumShare"("userId");
