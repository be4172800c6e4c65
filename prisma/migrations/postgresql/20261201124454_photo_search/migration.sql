-- CreateTable
CREATE TABLE "PhotoSearch" (
    "id" SERIAL NOT NULL,
    "photoId" TEXT NOT NULL,
    "words" TEXT NOT NULL,

    CONSTRAINT "PhotoSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserPhotoSearch" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "photoId" TEXT NOT NULL,
    "words" TEXT NOT NULL,

    CONSTRAINT "UserPhotoSearch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PhotoSearch_photoId_key" ON "PhotoSearch"("photoId");

-- CreateIndex
CREATE INDEX "UserPhotoSearch_photoId_idx" ON "UserPhotoSearch"("photoId");

-- CreateIndex
CREATE UNIQUE INDEX "UserPhotoSearch_userId_photoId_key" ON "UserPhotoSearch"("userId", "photoId");

-- AddForeignKey
ALTER TABLE "PhotoSearch" ADD CONSTRAINT "PhotoSearch_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPhotoSearch" ADD CONSTRAINT "UserPhotoSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPhotoSearch" ADD CONSTRAINT "UserPhotoSearch_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Photo_cameraMake_cameraModel_idx" ON "Photo"("cameraMake", "cameraModel");

-- Full-text indexes the schema cannot hold (src/server/db/search.ts queries them with the same
-- expression). The words are normalised by the app (src/lib/search-words.ts) and separated by
-- one space, so the lexemes are exactly those words, as in the SQLite FTS5 tables, with no text
-- search parser or dictionary in between. scripts/new-migration.mjs keeps later migrations
-- from dropping them.
CREATE INDEX "PhotoSearch_words_idx" ON "PhotoSearch" USING GIN (array_to_tsvector(string_to_array("words", ' ')));
CREATE INDEX "UserPhotoSearch_words_idx" ON "UserPhotoSearch" USING GIN (array_to_tsvector(string_to_array("words", ' ')));
