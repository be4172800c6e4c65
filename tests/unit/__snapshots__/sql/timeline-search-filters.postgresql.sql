SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))
    AND p."takenAt" IS NOT NULL
    AND p."takenAtLocal" >= $5
    AND p."takenAtLocal" < $6
    AND p."mediaType" = $7
    AND p."rating" >= $8
    AND p."latitude" IS NOT NULL AND p."longitude" IS NOT NULL
    AND ((p."cameraMake" = $9 AND p."cameraModel" = $10) OR (p."cameraMake" IS NULL AND p."cameraModel" = $11))
    AND p."latitude" BETWEEN $12 AND $13
    AND (p."longitude" >= $14 OR p."longitude" <= $15)
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $16
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $17 OR (p."directory" >= $18 AND p."directory" < $19))
    AND p."takenAt" IS NULL
    AND p."takenAtLocal" >= $20
    AND p."takenAtLocal" < $21
    AND p."mediaType" = $22
    AND p."rating" >= $23
    AND p."latitude" IS NOT NULL AND p."longitude" IS NOT NULL
    AND ((p."cameraMake" = $24 AND p."cameraModel" = $25) OR (p."cameraMake" IS NULL AND p."cameraModel" = $26))
    AND p."latitude" BETWEEN $27 AND $28
    AND (p."longitude" >= $29 OR p."longitude" <= $30)
  ORDER BY p."id" DESC LIMIT $31
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $32;
-- values: ["user-1","/library/family","/library/family/","/library/family0","2023-01-01","2024-01-01","video",3,"Canon","Canon EOS 5D","X100",40,50,170,-170,61,"/library/family","/library/family/","/library/family0","2023-01-01","2024-01-01","video",3,"Canon","Canon EOS 5D","X100",40,50,170,-170,61,61]
