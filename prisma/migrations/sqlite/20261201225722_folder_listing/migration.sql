-- A folder's listing as the last scan found it (issue 18), so a rescan compares one row per
-- unchanged folder instead of one per photo, and an index for the count of files without
-- preview under a root.
-- CreateTable
CREATE TABLE "FolderListing" (
    "path" TEXT NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "items" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Photo_thumbnailState_idx" ON "Photo"("thumbnailState");

-- Every folder holding a present row gets a listing that matches nothing (''), so the first
-- scan compares its rows as before and a folder gone before it is still found to be gone.
INSERT INTO "FolderListing" ("path", "fingerprint", "items")
SELECT DISTINCT "directory", '', 0 FROM "Photo" WHERE "missingSince" IS NULL;
