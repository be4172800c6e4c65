-- CreateIndex
CREATE INDEX "Photo_playback_idx" ON "Photo"("playback");

-- CreateIndex
CREATE INDEX "Photo_motionPlayback_idx" ON "Photo"("motionPlayback");
