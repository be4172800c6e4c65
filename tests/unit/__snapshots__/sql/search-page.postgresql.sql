SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))
    AND p."takenAt" IS NOT NULL
    AND p."id" IN (SELECT s."photoId" FROM "PhotoSearch" s WHERE array_to_tsvector(string_to_array(s."words", ' ')) @@ $5::tsquery UNION ALL SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = $6 AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $7::tsquery)
    AND (EXISTS (SELECT 1 FROM "PhotoSearch" s WHERE s."photoId" = p."id" AND array_to_tsvector(string_to_array(s."words", ' ')) @@ $8::tsquery) OR EXISTS (SELECT 1 FROM "UserPhotoSearch" u WHERE u."userId" = $9 AND u."photoId" = p."id" AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $10::tsquery))
    AND (p."takenAt", p."id") < (SELECT c."takenAt", c."id" FROM "Photo" c WHERE c."id" = $11 AND (c."directory" = $12 OR (c."directory" >= $13 AND c."directory" < $14)))
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $15
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $16 OR (p."directory" >= $17 AND p."directory" < $18))
    AND p."takenAt" IS NULL
    AND p."id" IN (SELECT s."photoId" FROM "PhotoSearch" s WHERE array_to_tsvector(string_to_array(s."words", ' ')) @@ $19::tsquery UNION ALL SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = $20 AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $21::tsquery)
    AND (EXISTS (SELECT 1 FROM "PhotoSearch" s WHERE s."photoId" = p."id" AND array_to_tsvector(string_to_array(s."words", ' ')) @@ $22::tsquery) OR EXISTS (SELECT 1 FROM "UserPhotoSearch" u WHERE u."userId" = $23 AND u."photoId" = p."id" AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $24::tsquery))
    AND EXISTS (SELECT 1 FROM "Photo" c WHERE c."id" = $25 AND (c."directory" = $26 OR (c."directory" >= $27 AND c."directory" < $28)) AND (c."takenAt" IS NOT NULL OR c."id" > p."id"))
  ORDER BY p."id" DESC LIMIT $29
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $30;
-- values: ["user-1","/library/family","/library/family/","/library/family0","'beach':*","user-1","'beach':*","'2023':*","user-1","'2023':*","photo-9","/library/family","/library/family/","/library/family0",61,"/library/family","/library/family/","/library/family0","'beach':*","user-1","'beach':*","'2023':*","user-1","'2023':*","photo-9","/library/family","/library/family/","/library/family0",61,61]

SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))
    AND p."takenAt" IS NOT NULL
    AND (EXISTS (SELECT 1 FROM "PhotoSearch" s WHERE s."photoId" = p."id" AND array_to_tsvector(string_to_array(s."words", ' ')) @@ $5::tsquery) OR EXISTS (SELECT 1 FROM "UserPhotoSearch" u WHERE u."userId" = $6 AND u."photoId" = p."id" AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $7::tsquery))
    AND (EXISTS (SELECT 1 FROM "PhotoSearch" s WHERE s."photoId" = p."id" AND array_to_tsvector(string_to_array(s."words", ' ')) @@ $8::tsquery) OR EXISTS (SELECT 1 FROM "UserPhotoSearch" u WHERE u."userId" = $9 AND u."photoId" = p."id" AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $10::tsquery))
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $11
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $12 OR (p."directory" >= $13 AND p."directory" < $14))
    AND p."takenAt" IS NULL
    AND (EXISTS (SELECT 1 FROM "PhotoSearch" s WHERE s."photoId" = p."id" AND array_to_tsvector(string_to_array(s."words", ' ')) @@ $15::tsquery) OR EXISTS (SELECT 1 FROM "UserPhotoSearch" u WHERE u."userId" = $16 AND u."photoId" = p."id" AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $17::tsquery))
    AND (EXISTS (SELECT 1 FROM "PhotoSearch" s WHERE s."photoId" = p."id" AND array_to_tsvector(string_to_array(s."words", ' ')) @@ $18::tsquery) OR EXISTS (SELECT 1 FROM "UserPhotoSearch" u WHERE u."userId" = $19 AND u."photoId" = p."id" AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $20::tsquery))
  ORDER BY p."id" DESC LIMIT $21
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $22;
-- values: ["user-1","/library/family","/library/family/","/library/family0","'beach':*","user-1","'beach':*","'2023':*","user-1","'2023':*",61,"/library/family","/library/family/","/library/family0","'beach':*","user-1","'beach':*","'2023':*","user-1","'2023':*",61,61]

SELECT (SELECT COUNT(*) FROM (SELECT s."photoId" FROM "PhotoSearch" s WHERE array_to_tsvector(string_to_array(s."words", ' ')) @@ $1::tsquery) a) + (SELECT COUNT(*) FROM (SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = $2 AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $3::tsquery) b) AS "t0",
  (SELECT COUNT(*) FROM (SELECT s."photoId" FROM "PhotoSearch" s WHERE array_to_tsvector(string_to_array(s."words", ' ')) @@ $4::tsquery) a) + (SELECT COUNT(*) FROM (SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = $5 AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $6::tsquery) b) AS "t1",
  (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f WHERE (f."path" = $7 OR (f."path" >= $8 AND f."path" < $9))) AS "visible",
  (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f) AS "total";
-- values: ["'beach':*","user-1","'beach':*","'2023':*","user-1","'2023':*","/library/family","/library/family/","/library/family0"]
