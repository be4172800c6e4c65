-- CreateTable
CREATE TABLE "FolderSummaryVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL
);
