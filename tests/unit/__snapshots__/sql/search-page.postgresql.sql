SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))
    AND p."takenAt" IS NOT NULL
    AND p."id" IN (SELECT s."photoId" FROM "PhotoSearch" s WHERE array_to_tsvector(string_to_array(s."words", ' ')) @@ $5::tsquery UNION ALL SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = $6 AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $7::tsquery)
    AND (COALESCE((SELECT (' ' || COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id"))) LIKE $8), false) OR COALESCE((SELECT (' ' || u."words") LIKE $9 FROM "UserPhotoSearch" u WHERE u."userId" = $10 AND u."photoId" = p."id"), false))
    AND (p."takenAt", p."id") < (SELECT c."takenAt", c."id" FROM "Photo" c WHERE c."id" = $11 AND (c."directory" = $12 OR (c."directory" >= $13 AND c."directory" < $14)))
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $15
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $16 OR (p."directory" >= $17 AND p."directory" < $18))
    AND p."takenAt" IS NULL
    AND p."id" IN (SELECT s."photoId" FROM "PhotoSearch" s WHERE array_to_tsvector(string_to_array(s."words", ' ')) @@ $19::tsquery UNION ALL SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = $20 AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $21::tsquery)
    AND (COALESCE((SELECT (' ' || COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id"))) LIKE $22), false) OR COALESCE((SELECT (' ' || u."words") LIKE $23 FROM "UserPhotoSearch" u WHERE u."userId" = $24 AND u."photoId" = p."id"), false))
    AND EXISTS (SELECT 1 FROM "Photo" c WHERE c."id" = $25 AND (c."directory" = $26 OR (c."directory" >= $27 AND c."directory" < $28)) AND (c."takenAt" IS NOT NULL OR c."id" > p."id"))
  ORDER BY p."id" DESC LIMIT $29
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $30;
-- values: ["user-1","/library/family","/library/family/","/library/family0","'beach':*","user-1","'beach':*","% 2023%","% 2023%","user-1","photo-9","/library/family","/library/family/","/library/family0",61,"/library/family","/library/family/","/library/family0","'beach':*","user-1","'beach':*","% 2023%","% 2023%","user-1","photo-9","/library/family","/library/family/","/library/family0",61,61]

SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))
    AND p."takenAt" IS NOT NULL
    AND (COALESCE((SELECT (' ' || COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id"))) LIKE $5), false) OR COALESCE((SELECT (' ' || u."words") LIKE $6 FROM "UserPhotoSearch" u WHERE u."userId" = $7 AND u."photoId" = p."id"), false))
    AND (COALESCE((SELECT (' ' || COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id"))) LIKE $8), false) OR COALESCE((SELECT (' ' || u."words") LIKE $9 FROM "UserPhotoSearch" u WHERE u."userId" = $10 AND u."photoId" = p."id"), false))
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $11
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $12 OR (p."directory" >= $13 AND p."directory" < $14))
    AND p."takenAt" IS NULL
    AND (COALESCE((SELECT (' ' || COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id"))) LIKE $15), false) OR COALESCE((SELECT (' ' || u."words") LIKE $16 FROM "UserPhotoSearch" u WHERE u."userId" = $17 AND u."photoId" = p."id"), false))
    AND (COALESCE((SELECT (' ' || COALESCE(p."searchWords", (SELECT s."words" FROM "PhotoSearch" s WHERE s."photoId" = p."id"))) LIKE $18), false) OR COALESCE((SELECT (' ' || u."words") LIKE $19 FROM "UserPhotoSearch" u WHERE u."userId" = $20 AND u."photoId" = p."id"), false))
  ORDER BY p."id" DESC LIMIT $21
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $22;
-- values: ["user-1","/library/family","/library/family/","/library/family0","% beach%","% beach%","user-1","% 2023%","% 2023%","user-1",61,"/library/family","/library/family/","/library/family0","% beach%","% beach%","user-1","% 2023%","% 2023%","user-1",61,61]

SELECT ((SELECT COUNT(*) FROM (SELECT s."photoId" FROM "PhotoSearch" s WHERE array_to_tsvector(string_to_array(s."words", ' ')) @@ $1::tsquery LIMIT 20001) a)) + (SELECT COUNT(*) FROM (SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = $2 AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $3::tsquery LIMIT 20001) b) AS "t0",
  ((SELECT COUNT(*) FROM (SELECT s."photoId" FROM "PhotoSearch" s WHERE array_to_tsvector(string_to_array(s."words", ' ')) @@ $4::tsquery LIMIT 20001) a)) + (SELECT COUNT(*) FROM (SELECT u."photoId" FROM "UserPhotoSearch" u WHERE u."userId" = $5 AND array_to_tsvector(string_to_array(u."words", ' ')) @@ $6::tsquery LIMIT 20001) b) AS "t1";
-- values: ["'beach':*","user-1","'beach':*","'2023':*","user-1","'2023':*"]

SELECT (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f WHERE (f."path" = $1 OR (f."path" >= $2 AND f."path" < $3))) AS "visible", (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f) AS "total";
-- values: ["/library/family","/library/family/","/library/family0"]

SELECT e."word", e."share", (SELECT GREATEST(c."reltuples", 0) FROM pg_class c WHERE c."oid" = '"PhotoSearch"'::regclass) AS "rows"
FROM pg_stats s CROSS JOIN LATERAL unnest(s."most_common_elems"::text::text[], s."most_common_elem_freqs") AS e("word", "share")
WHERE s."schemaname" = current_schema() AND s."tablename" = 'PhotoSearch_words_idx' AND e."word" IS NOT NULL;
-- values: []
