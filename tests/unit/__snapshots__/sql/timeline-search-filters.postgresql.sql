SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))
    AND p."takenAt" IS NOT NULL
    AND p."takenAtLocal" >= $5 AND p."takenAt" >= CAST($6 AS TIMESTAMP(3))
    AND p."takenAtLocal" < $7 AND p."takenAt" < CAST($8 AS TIMESTAMP(3))
    AND p."mediaType" = $9
    AND p."rating" >= $10
    AND p."latitude" IS NOT NULL AND p."longitude" IS NOT NULL
    AND ((p."cameraMake" = $11 AND p."cameraModel" = $12) OR (p."cameraMake" IS NULL AND p."cameraModel" = $13))
    AND p."latitude" BETWEEN $14 AND $15
    AND (p."longitude" >= $16 OR p."longitude" <= $17)
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $18
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $19 OR (p."directory" >= $20 AND p."directory" < $21))
    AND p."takenAt" IS NULL
    AND p."takenAtLocal" >= $22 AND p."takenAt" >= CAST($23 AS TIMESTAMP(3))
    AND p."takenAtLocal" < $24 AND p."takenAt" < CAST($25 AS TIMESTAMP(3))
    AND p."mediaType" = $26
    AND p."rating" >= $27
    AND p."latitude" IS NOT NULL AND p."longitude" IS NOT NULL
    AND ((p."cameraMake" = $28 AND p."cameraModel" = $29) OR (p."cameraMake" IS NULL AND p."cameraModel" = $30))
    AND p."latitude" BETWEEN $31 AND $32
    AND (p."longitude" >= $33 OR p."longitude" <= $34)
  ORDER BY p."id" DESC LIMIT $35
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $36;
-- values: ["user-1","/library/family","/library/family/","/library/family0","2023-01-01","2022-12-31T00:00:00","2024-01-01","2024-01-02T00:00:00","video",3,"Canon","Canon EOS 5D","X100",40,50,170,-170,61,"/library/family","/library/family/","/library/family0","2023-01-01","2022-12-31T00:00:00","2024-01-01","2024-01-02T00:00:00","video",3,"Canon","Canon EOS 5D","X100",40,50,170,-170,61,61]
