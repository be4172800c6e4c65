-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "faceDetection" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "FaceScan" (
    "contentHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "error" TEXT,
    "claimedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FaceScan_pkey" PRIMARY KEY ("contentHash")
);

-- CreateTable
CREATE TABLE "Face" (
    "id" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "width" DOUBLE PRECISION NOT NULL,
    "height" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "embedding" BYTEA NOT NULL,

    CONSTRAINT "Face_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonFace" (
    "userId" TEXT NOT NULL,
    "faceId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'cluster',

    CONSTRAINT "PersonFace_pkey" PRIMARY KEY ("userId","faceId")
);

-- CreateIndex
CREATE INDEX "FaceScan_status_idx" ON "FaceScan"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Face_contentHash_index_key" ON "Face"("contentHash", "index");

-- CreateIndex
CREATE INDEX "Person_userId_name_idx" ON "Person"("userId", "name");

-- CreateIndex
CREATE INDEX "PersonFace_personId_idx" ON "PersonFace"("personId");

-- CreateIndex
CREATE INDEX "PersonFace_faceId_idx" ON "PersonFace"("faceId");

-- AddForeignKey
ALTER TABLE "Face" ADD CONSTRAINT "Face_contentHash_fkey" FOREIGN KEY ("contentHash") REFERENCES "FaceScan"("contentHash") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonFace" ADD CONSTRAINT "PersonFace_faceId_fkey" FOREIGN KEY ("faceId") REFERENCES "Face"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonFace" ADD CONSTRAINT "PersonFace_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
