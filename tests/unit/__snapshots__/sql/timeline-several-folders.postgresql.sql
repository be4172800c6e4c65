SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND ((p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4)) OR (p."directory" = $5 OR (p."directory" >= $6 AND p."directory" < $7)))
    AND p."takenAt" IS NOT NULL
    AND (p."takenAt", p."id") < (SELECT c."takenAt", c."id" FROM "Photo" c WHERE c."id" = $8 AND ((c."directory" = $9 OR (c."directory" >= $10 AND c."directory" < $11)) OR (c."directory" = $12 OR (c."directory" >= $13 AND c."directory" < $14))))
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $15
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND ((p."directory" = $16 OR (p."directory" >= $17 AND p."directory" < $18)) OR (p."directory" = $19 OR (p."directory" >= $20 AND p."directory" < $21)))
    AND p."takenAt" IS NULL
    AND EXISTS (SELECT 1 FROM "Photo" c WHERE c."id" = $22 AND ((c."directory" = $23 OR (c."directory" >= $24 AND c."directory" < $25)) OR (c."directory" = $26 OR (c."directory" >= $27 AND c."directory" < $28))) AND (c."takenAt" IS NOT NULL OR c."id" > p."id"))
  ORDER BY p."id" DESC LIMIT $29
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $30;
-- values: ["user-3","/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0","photo-9","/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0",61,"/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0","photo-9","/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0",61,61]

SELECT f."month" AS "month", SUM(f."count") AS "count"
FROM "FolderMonth" f
WHERE ((f."path" = $1 OR (f."path" >= $2 AND f."path" < $3)) OR (f."path" = $4 OR (f."path" >= $5 AND f."path" < $6)))
GROUP BY f."month"
ORDER BY "month" DESC;
-- values: ["/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0"]

SELECT (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f WHERE ((f."path" = $1 OR (f."path" >= $2 AND f."path" < $3)) OR (f."path" = $4 OR (f."path" >= $5 AND f."path" < $6)))) AS "visible", (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f) AS "total";
-- values: ["/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0"]
