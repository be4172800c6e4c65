-- CreateTable
CREATE TABLE "FolderSummaryVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "FolderSummaryVersion_pkey" PRIMARY KEY ("id")
);
