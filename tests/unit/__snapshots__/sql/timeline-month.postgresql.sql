SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))
    AND p."takenAt" IS NOT NULL
    AND p."takenAtLocal" >= $5 AND p."takenAtLocal" < $6
    AND p."takenAt" >= CAST($7 AS TIMESTAMP(3)) AND p."takenAt" < CAST($8 AS TIMESTAMP(3))
    AND (p."takenAt", p."id") < (SELECT c."takenAt", c."id" FROM "Photo" c WHERE c."id" = $9 AND (c."directory" = $10 OR (c."directory" >= $11 AND c."directory" < $12)))
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $13
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $14 OR (p."directory" >= $15 AND p."directory" < $16))
    AND p."takenAt" IS NULL
    AND p."takenAtLocal" >= $17 AND p."takenAtLocal" < $18
    AND p."takenAt" >= CAST($19 AS TIMESTAMP(3)) AND p."takenAt" < CAST($20 AS TIMESTAMP(3))
    AND EXISTS (SELECT 1 FROM "Photo" c WHERE c."id" = $21 AND (c."directory" = $22 OR (c."directory" >= $23 AND c."directory" < $24)) AND (c."takenAt" IS NOT NULL OR c."id" > p."id"))
  ORDER BY p."id" DESC LIMIT $25
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $26;
-- values: ["user-1","/library/family","/library/family/","/library/family0","2023-06","2023-07","2023-05-31T00:00:00","2023-07-02T00:00:00","photo-9","/library/family","/library/family/","/library/family0",61,"/library/family","/library/family/","/library/family0","2023-06","2023-07","2023-05-31T00:00:00","2023-07-02T00:00:00","photo-9","/library/family","/library/family/","/library/family0",61,61]

SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))
    AND p."takenAt" IS NOT NULL
    AND p."takenAtLocal" IS NULL
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $5
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $6 OR (p."directory" >= $7 AND p."directory" < $8))
    AND p."takenAt" IS NULL
    AND p."takenAtLocal" IS NULL
  ORDER BY p."id" DESC LIMIT $9
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $10;
-- values: ["user-1","/library/family","/library/family/","/library/family0",61,"/library/family","/library/family/","/library/family0",61,61]
