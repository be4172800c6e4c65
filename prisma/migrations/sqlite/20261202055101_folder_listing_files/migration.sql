-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FolderListing" (
    "path" TEXT NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "items" INTEGER NOT NULL,
    "files" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_FolderListing" ("fingerprint", "items", "path", "updatedAt") SELECT "fingerprint", "items", "path", "updatedAt" FROM "FolderListing";
DROP TABLE "FolderListing";
ALTER TABLE "new_FolderListing" RENAME TO "FolderListing";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
