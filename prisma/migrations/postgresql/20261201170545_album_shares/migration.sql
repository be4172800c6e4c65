-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "albumSharing" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "AlbumShare" (
    "albumId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlbumShare_pkey" PRIMARY KEY ("albumId","userId")
);

-- CreateIndex
CREATE INDEX "AlbumShare_userId_idx" ON "AlbumShare"("userId");

-- AddForeignKey
ALTER TABLE "AlbumShare" ADD CONSTRAINT "AlbumShare_albumId_fkey" FOREIGN KEY ("albumId") REFERENCES "Album"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlbumShare" ADD CONSTRAINT "AlbumShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
