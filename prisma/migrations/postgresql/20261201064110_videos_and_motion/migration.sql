-- AlterTable
ALTER TABLE "Photo" ADD COLUMN     "audioCodec" TEXT,
ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "hasMotion" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "motionCodec" TEXT,
ADD COLUMN     "motionHash" TEXT,
ADD COLUMN     "motionKind" TEXT,
ADD COLUMN     "motionLength" BIGINT,
ADD COLUMN     "motionMtime" TIMESTAMP(3),
ADD COLUMN     "motionOffset" BIGINT,
ADD COLUMN     "motionPath" TEXT,
ADD COLUMN     "motionPlayback" TEXT,
ADD COLUMN     "motionSize" BIGINT,
ADD COLUMN     "playback" TEXT,
ADD COLUMN     "scannerVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "videoCodec" TEXT;

-- CreateTable
CREATE TABLE "Rendition" (
    "sourceHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "claimedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rendition_pkey" PRIMARY KEY ("sourceHash")
);

-- CreateIndex
CREATE INDEX "Rendition_status_idx" ON "Rendition"("status");

-- CreateIndex
CREATE INDEX "Photo_motionPath_idx" ON "Photo"("motionPath");

-- Rows indexed by the scanner of issue 13 (they have a date source) are version 1, older rows 0.
-- Both are read once more by the next scan (motion photos, videos beside stills).
UPDATE "Photo" SET "scannerVersion" = 1 WHERE "takenAtSource" IS NOT NULL;
