-- AlterTable
ALTER TABLE "FolderListing" ADD COLUMN     "files" INTEGER NOT NULL DEFAULT 0;
