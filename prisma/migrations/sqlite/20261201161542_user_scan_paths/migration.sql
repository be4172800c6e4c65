-- A user has any number of scan folders (issue 17): User.scanPath moves into UserScanPath.
-- Edited by hand after scripts/new-migration.mjs: the table is filled before User is rebuilt
-- without the column. Each user had at most one folder, so the user's id is a unique id for its row.

-- CreateTable
CREATE TABLE "UserScanPath" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UserScanPath_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Move each user's scan path
INSERT INTO "UserScanPath" ("id", "userId", "path") SELECT "id", "id", "scanPath" FROM "User" WHERE "scanPath" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT NOT NULL DEFAULT '',
    "passwordHash" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "selfRegistered" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastLoginAt" DATETIME
);
INSERT INTO "new_User" ("createdAt", "email", "id", "isAdmin", "lastLoginAt", "name", "passwordHash", "selfRegistered", "sessionVersion", "updatedAt", "username") SELECT "createdAt", "email", "id", "isAdmin", "lastLoginAt", "name", "passwordHash", "selfRegistered", "sessionVersion", "updatedAt", "username" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "UserScanPath_path_idx" ON "UserScanPath"("path");

-- CreateIndex
CREATE UNIQUE INDEX "UserScanPath_userId_path_key" ON "UserScanPath"("userId", "path");
