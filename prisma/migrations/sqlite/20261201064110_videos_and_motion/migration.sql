-- CreateTable
CREATE TABLE "Rendition" (
    "sourceHash" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "claimedBy" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Photo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "path" TEXT NOT NULL,
    "directory" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mtime" DATETIME NOT NULL,
    "contentHash" TEXT,
    "mime" TEXT,
    "mediaType" TEXT NOT NULL DEFAULT 'photo',
    "animated" BOOLEAN NOT NULL DEFAULT false,
    "width" INTEGER,
    "height" INTEGER,
    "orientation" INTEGER,
    "takenAt" DATETIME,
    "takenAtOffset" INTEGER,
    "takenAtLocal" TEXT,
    "takenAtSource" TEXT,
    "rating" INTEGER,
    "title" TEXT,
    "description" TEXT,
    "sidecarPath" TEXT,
    "sidecarSize" BIGINT,
    "sidecarMtime" DATETIME,
    "cameraMake" TEXT,
    "cameraModel" TEXT,
    "lens" TEXT,
    "exposureTime" REAL,
    "fNumber" REAL,
    "iso" INTEGER,
    "focalLength" REAL,
    "latitude" REAL,
    "longitude" REAL,
    "durationMs" INTEGER,
    "videoCodec" TEXT,
    "audioCodec" TEXT,
    "playback" TEXT,
    "hasMotion" BOOLEAN NOT NULL DEFAULT false,
    "motionKind" TEXT,
    "motionPath" TEXT,
    "motionSize" BIGINT,
    "motionMtime" DATETIME,
    "motionOffset" BIGINT,
    "motionLength" BIGINT,
    "motionHash" TEXT,
    "motionCodec" TEXT,
    "motionPlayback" TEXT,
    "scannerVersion" INTEGER NOT NULL DEFAULT 0,
    "thumbnailState" TEXT NOT NULL DEFAULT 'pending',
    "thumbnailError" TEXT,
    "indexedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "missingSince" DATETIME
);
INSERT INTO "new_Photo" ("animated", "cameraMake", "cameraModel", "contentHash", "description", "directory", "exposureTime", "fNumber", "fileName", "focalLength", "height", "id", "indexedAt", "iso", "latitude", "lens", "longitude", "mediaType", "mime", "missingSince", "mtime", "orientation", "path", "rating", "sidecarMtime", "sidecarPath", "sidecarSize", "size", "takenAt", "takenAtLocal", "takenAtOffset", "takenAtSource", "thumbnailError", "thumbnailState", "title", "updatedAt", "width") SELECT "animated", "cameraMake", "cameraModel", "contentHash", "description", "directory", "exposureTime", "fNumber", "fileName", "focalLength", "height", "id", "indexedAt", "iso", "latitude", "lens", "longitude", "mediaType", "mime", "missingSince", "mtime", "orientation", "path", "rating", "sidecarMtime", "sidecarPath", "sidecarSize", "size", "takenAt", "takenAtLocal", "takenAtOffset", "takenAtSource", "thumbnailError", "thumbnailState", "title", "updatedAt", "width" FROM "Photo";
DROP TABLE "Photo";
ALTER TABLE "new_Photo" RENAME TO "Photo";
CREATE UNIQUE INDEX "Photo_path_key" ON "Photo"("path");
CREATE INDEX "Photo_directory_idx" ON "Photo"("directory");
CREATE INDEX "Photo_takenAt_id_idx" ON "Photo"("takenAt", "id");
CREATE INDEX "Photo_contentHash_idx" ON "Photo"("contentHash");
CREATE INDEX "Photo_motionPath_idx" ON "Photo"("motionPath");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Rendition_status_idx" ON "Rendition"("status");

-- Rows indexed by the scanner of issue 13 (they have a date source) are version 1, older rows 0.
-- Both are read once more by the next scan (motion photos, videos beside stills).
UPDATE "Photo" SET "scannerVersion" = 1 WHERE "takenAtSource" IS NOT NULL;
