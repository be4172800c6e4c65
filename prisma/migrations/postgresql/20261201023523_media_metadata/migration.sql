-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "full" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Photo" ADD COLUMN     "animated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "description" TEXT,
ADD COLUMN     "mediaType" TEXT NOT NULL DEFAULT 'photo',
ADD COLUMN     "rating" INTEGER,
ADD COLUMN     "sidecarMtime" TIMESTAMP(3),
ADD COLUMN     "sidecarPath" TEXT,
ADD COLUMN     "sidecarSize" BIGINT,
ADD COLUMN     "takenAtLocal" TEXT,
ADD COLUMN     "takenAtSource" TEXT,
ADD COLUMN     "title" TEXT;

-- CreateTable
CREATE TABLE "PhotoKeyword" (
    "photoId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "PhotoKeyword_pkey" PRIMARY KEY ("photoId","name")
);

-- CreateIndex
CREATE INDEX "PhotoKeyword_name_idx" ON "PhotoKeyword"("name");

-- AddForeignKey
ALTER TABLE "PhotoKeyword" ADD CONSTRAINT "PhotoKeyword_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo"("id") ON DELETE CASCADE ON UPDATE CASCADE;
