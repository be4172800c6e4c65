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
    "setupCompletedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SiteSettings" ("allowRegistration", "id", "scanSchedule", "setupCompletedAt", "skipPatterns", "updatedAt") SELECT "allowRegistration", "id", "scanSchedule", "setupCompletedAt", "skipPatterns", "updatedAt" FROM "SiteSettings";
DROP TABLE "SiteSettings";
ALTER TABLE "new_SiteSettings" RENAME TO "SiteSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
