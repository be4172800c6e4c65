-- DropIndex
DROP INDEX "Photo_cameraMake_cameraModel_idx";

-- CreateTable
CREATE TABLE "FolderMonth" (
    "path" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "FolderMonth_pkey" PRIMARY KEY ("path","month")
);

-- CreateIndex
CREATE INDEX "Photo_cameraModel_cameraMake_idx" ON "Photo"("cameraModel", "cameraMake");

-- Paths compare byte by byte like Photo.directory: the scrubber reads a subtree as a range.
ALTER TABLE "FolderMonth" ALTER COLUMN "path" TYPE TEXT COLLATE "C";

-- Back-fill from the photos already indexed, as src/server/db/folder-summary.ts rebuilds it.
INSERT INTO "FolderMonth" ("path", "month", "count")
SELECT "directory", substr("takenAtLocal", 1, 7), COUNT(*) FROM "Photo"
WHERE "missingSince" IS NULL AND "readError" IS NULL AND "takenAtLocal" IS NOT NULL
GROUP BY "directory", substr("takenAtLocal", 1, 7);
