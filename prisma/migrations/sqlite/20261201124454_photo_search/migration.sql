-- CreateTable
CREATE TABLE "PhotoSearch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "photoId" TEXT NOT NULL,
    "words" TEXT NOT NULL,
    CONSTRAINT "PhotoSearch_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserPhotoSearch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "photoId" TEXT NOT NULL,
    "words" TEXT NOT NULL,
    CONSTRAINT "UserPhotoSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserPhotoSearch_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PhotoSearch_photoId_key" ON "PhotoSearch"("photoId");

-- CreateIndex
CREATE INDEX "UserPhotoSearch_photoId_idx" ON "UserPhotoSearch"("photoId");

-- CreateIndex
CREATE UNIQUE INDEX "UserPhotoSearch_userId_photoId_key" ON "UserPhotoSearch"("userId", "photoId");

-- CreateIndex
CREATE INDEX "Photo_cameraMake_cameraModel_idx" ON "Photo"("cameraMake", "cameraModel");

-- Full-text indexes the schema cannot hold (src/server/db/search.ts reads them; the words are
-- normalised by the app, src/lib/search-words.ts, so the ascii tokenizer only splits on spaces
-- and both engines see the same words). External content: the words live once, in the table;
-- triggers keep the index in step with every insert, update and delete, cascades included.
-- scripts/new-migration.mjs keeps later migrations from dropping them.
CREATE VIRTUAL TABLE "PhotoSearchFts" USING fts5("words", content='PhotoSearch', content_rowid='id', tokenize='ascii', prefix='2 3');
CREATE TRIGGER "PhotoSearch_fts_insert" AFTER INSERT ON "PhotoSearch" BEGIN
  INSERT INTO "PhotoSearchFts"("rowid", "words") VALUES (new."id", new."words");
END;
CREATE TRIGGER "PhotoSearch_fts_delete" AFTER DELETE ON "PhotoSearch" BEGIN
  INSERT INTO "PhotoSearchFts"("PhotoSearchFts", "rowid", "words") VALUES ('delete', old."id", old."words");
END;
CREATE TRIGGER "PhotoSearch_fts_update" AFTER UPDATE ON "PhotoSearch" BEGIN
  INSERT INTO "PhotoSearchFts"("PhotoSearchFts", "rowid", "words") VALUES ('delete', old."id", old."words");
  INSERT INTO "PhotoSearchFts"("rowid", "words") VALUES (new."id", new."words");
END;

CREATE VIRTUAL TABLE "UserPhotoSearchFts" USING fts5("words", content='UserPhotoSearch', content_rowid='id', tokenize='ascii', prefix='2 3');
CREATE TRIGGER "UserPhotoSearch_fts_insert" AFTER INSERT ON "UserPhotoSearch" BEGIN
  INSERT INTO "UserPhotoSearchFts"("rowid", "words") VALUES (new."id", new."words");
END;
CREATE TRIGGER "UserPhotoSearch_fts_delete" AFTER DELETE ON "UserPhotoSearch" BEGIN
  INSERT INTO "UserPhotoSearchFts"("UserPhotoSearchFts", "rowid", "words") VALUES ('delete', old."id", old."words");
END;
CREATE TRIGGER "UserPhotoSearch_fts_update" AFTER UPDATE ON "UserPhotoSearch" BEGIN
  INSERT INTO "UserPhotoSearchFts"("UserPhotoSearchFts", "rowid", "words") VALUES ('delete', old."id", old."words");
  INSERT INTO "UserPhotoSearchFts"("rowid", "words") VALUES (new."id", new."words");
END;
