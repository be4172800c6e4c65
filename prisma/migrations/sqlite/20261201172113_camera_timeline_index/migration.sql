-- DropIndex
DROP INDEX "Photo_cameraModel_cameraMake_idx";

-- CreateIndex
CREATE INDEX "Photo_cameraModel_cameraMake_takenAt_id_idx" ON "Photo"("cameraModel", "cameraMake", "takenAt", "id");
