SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = ?) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
    AND p."takenAt" IS NOT NULL
    AND (p."id" IN (SELECT s."photoId" FROM "PhotoSearch" s WHERE s."id" IN (SELECT "rowid" FROM "PhotoSearchFts" WHERE "PhotoSearchFts" MATCH ?)) OR p."id" IN (SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = ? AND u."id" IN (SELECT "rowid" FROM "UserPhotoSearchFts" WHERE "UserPhotoSearchFts" MATCH ?)))
    AND (' ' || COALESCE(COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id")), '') || ' ' || COALESCE((SELECT u."words" FROM "UserPhotoSearch" u WHERE u."userId" = ? AND u."photoId" = p."id"), '')) LIKE ?
    AND (p."takenAt", p."id") < (SELECT c."takenAt", c."id" FROM "Photo" c WHERE c."id" = ? AND (c."directory" = ? OR (c."directory" >= ? AND c."directory" < ?)))
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT ?
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
    AND p."takenAt" IS NULL
    AND (p."id" IN (SELECT s."photoId" FROM "PhotoSearch" s WHERE s."id" IN (SELECT "rowid" FROM "PhotoSearchFts" WHERE "PhotoSearchFts" MATCH ?)) OR p."id" IN (SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = ? AND u."id" IN (SELECT "rowid" FROM "UserPhotoSearchFts" WHERE "UserPhotoSearchFts" MATCH ?)))
    AND (' ' || COALESCE(COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id")), '') || ' ' || COALESCE((SELECT u."words" FROM "UserPhotoSearch" u WHERE u."userId" = ? AND u."photoId" = p."id"), '')) LIKE ?
    AND EXISTS (SELECT 1 FROM "Photo" c WHERE c."id" = ? AND (c."directory" = ? OR (c."directory" >= ? AND c."directory" < ?)) AND (c."takenAt" IS NOT NULL OR c."id" > p."id"))
  ORDER BY p."id" DESC LIMIT ?
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT ?;
-- values: ["user-1","/library/family","/library/family/","/library/family0","\"beach\"*","user-1","\"beach\"*","user-1","% 2023%","photo-9","/library/family","/library/family/","/library/family0",61,"/library/family","/library/family/","/library/family0","\"beach\"*","user-1","\"beach\"*","user-1","% 2023%","photo-9","/library/family","/library/family/","/library/family0",61,61]

SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = ?) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
    AND p."takenAt" IS NOT NULL
    AND (' ' || COALESCE(COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id")), '') || ' ' || COALESCE((SELECT u."words" FROM "UserPhotoSearch" u WHERE u."userId" = ? AND u."photoId" = p."id"), '')) LIKE ?
    AND (' ' || COALESCE(COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id")), '') || ' ' || COALESCE((SELECT u."words" FROM "UserPhotoSearch" u WHERE u."userId" = ? AND u."photoId" = p."id"), '')) LIKE ?
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT ?
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
    AND p."takenAt" IS NULL
    AND (' ' || COALESCE(COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id")), '') || ' ' || COALESCE((SELECT u."words" FROM "UserPhotoSearch" u WHERE u."userId" = ? AND u."photoId" = p."id"), '')) LIKE ?
    AND (' ' || COALESCE(COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id")), '') || ' ' || COALESCE((SELECT u."words" FROM "UserPhotoSearch" u WHERE u."userId" = ? AND u."photoId" = p."id"), '')) LIKE ?
  ORDER BY p."id" DESC LIMIT ?
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT ?;
-- values: ["user-1","/library/family","/library/family/","/library/family0","user-1","% beach%","user-1","% 2023%",61,"/library/family","/library/family/","/library/family0","user-1","% beach%","user-1","% 2023%",61,61]

SELECT (CASE WHEN (SELECT COUNT(*) FROM (SELECT 1 FROM "PhotoSearchFts" WHERE "PhotoSearchFts" MATCH ? LIMIT 20001) a) > 20000 THEN 20001 ELSE (SELECT COUNT(*) FROM (SELECT 1 FROM "PhotoSearchFts" WHERE "PhotoSearchFts" MATCH ? LIMIT 20001) a) END) + (SELECT COUNT(*) FROM (SELECT 1 FROM "UserPhotoSearchFts" f JOIN "UserPhotoSearch" u ON u."id" = f."rowid" WHERE "UserPhotoSearchFts" MATCH ? AND u."userId" = ? LIMIT 20001) b) AS "t0",
  (CASE WHEN (SELECT COUNT(*) FROM (SELECT 1 FROM "PhotoSearchFts" WHERE "PhotoSearchFts" MATCH ? LIMIT 20001) a) > 20000 THEN 20001 ELSE (SELECT COUNT(*) FROM (SELECT 1 FROM "PhotoSearchFts" WHERE "PhotoSearchFts" MATCH ? LIMIT 20001) a) END) + (SELECT COUNT(*) FROM (SELECT 1 FROM "UserPhotoSearchFts" f JOIN "UserPhotoSearch" u ON u."id" = f."rowid" WHERE "UserPhotoSearchFts" MATCH ? AND u."userId" = ? LIMIT 20001) b) AS "t1";
-- values: ["\"beach\"","\"beach\"*","\"beach\"*","user-1","\"2023\"","\"2023\"*","\"2023\"*","user-1"]

SELECT (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f WHERE (f."path" = ? OR (f."path" >= ? AND f."path" < ?))) AS "visible", (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f) AS "total";
-- values: ["/library/family","/library/family/","/library/family0"]
