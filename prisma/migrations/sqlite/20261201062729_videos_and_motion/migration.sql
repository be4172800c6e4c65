-- CreateTable
CREATE TABLE "Rendition" (
    "sourceHash" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "root" TEXT,
    "userId" TEXT,
    "requestedById" TEXT,
    "dedupeKey" TEXT,
    "queuedRoot" TEXT,
    "runningRoot" TEXT,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "phase" TEXT NOT NULL DEFAULT 'files',
    "phaseStartedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "workerId" TEXT,
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "heartbeatAt" DATETIME,
    "finishedAt" DATETIME,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "full" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "stats" JSONB,
    CONSTRAINT "Job_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Job" ("attempts", "cancelRequested", "dedupeKey", "error", "finishedAt", "full", "heartbeatAt", "id", "progressDone", "progressTotal", "queuedAt", "queuedRoot", "requestedById", "root", "runningRoot", "startedAt", "stats", "status", "type", "userId", "workerId") SELECT "attempts", "cancelRequested", "dedupeKey", "error", "finishedAt", "full", "heartbeatAt", "id", "progressDone", "progressTotal", "queuedAt", "queuedRoot", "requestedById", "root", "runningRoot", "startedAt", "stats", "status", "type", "userId", "workerId" FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");
CREATE UNIQUE INDEX "Job_queuedRoot_key" ON "Job"("queuedRoot");
CREATE UNIQUE INDEX "Job_runningRoot_key" ON "Job"("runningRoot");
CREATE INDEX "Job_status_queuedAt_idx" ON "Job"("status", "queuedAt");
CREATE INDEX "Job_root_status_idx" ON "Job"("root", "status");
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
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Rendition_status_idx" ON "Rendition"("status");

-- Rows indexed by the scanner of issue 13 (they have a date source) are version 1; older rows 0.
-- Both are read once more by the next scan (motion photos, videos beside stills).
UPDATE "Photo" SET "scannerVersion" = 1 WHERE "takenAtSource" IS NOT NULL;
