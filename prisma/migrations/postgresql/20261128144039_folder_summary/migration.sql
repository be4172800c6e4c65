-- CreateTable
CREATE TABLE "Folder" (
    "path" TEXT NOT NULL,
    "photoCount" INTEGER NOT NULL,
    "coverId" TEXT,
    "coverTakenAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Folder_pkey" PRIMARY KEY ("path")
);

-- Folder paths compare byte by byte like Photo.directory (migration photo_paths_bytewise):
-- the folder view reads a subtree as a range on "path".
ALTER TABLE "Folder" ALTER COLUMN "path" TYPE TEXT COLLATE "C";

-- Back-fill from the photos already indexed, so an upgraded installation shows its folders
-- without a rescan. Same rule as src/server/library/folder-summary.ts.
INSERT INTO "Folder" ("path", "photoCount", "coverId", "coverTakenAt")
SELECT d."directory", d."n", c."id", c."takenAt"
FROM (
    SELECT g."directory", g."n", (
        SELECT x."id" FROM "Photo" x
        WHERE x."directory" = g."directory" AND x."missingSince" IS NULL AND x."thumbnailState" = 'ready'
        ORDER BY x."takenAt" DESC NULLS LAST, x."id" DESC LIMIT 1
    ) AS "cover"
    FROM (SELECT "directory", COUNT(*) AS "n" FROM "Photo" WHERE "missingSince" IS NULL GROUP BY "directory") g
) d
LEFT JOIN "Photo" c ON c."id" = d."cover";
