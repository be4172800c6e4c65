SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))
    AND p."takenAt" IS NOT NULL
    AND p."directory" = $5
    AND EXISTS (SELECT 1 FROM "PhotoState" s WHERE s."photoId" = p."id" AND s."userId" = $6 AND s."favorite" = true)
    AND EXISTS (SELECT 1 FROM "AlbumPhoto" a WHERE a."photoId" = p."id" AND a."albumId" = $7)
    AND EXISTS (SELECT 1 FROM "PhotoTag" pt JOIN "Tag" t ON t."id" = pt."tagId" WHERE pt."photoId" = p."id" AND t."userId" = $8 AND t."nameKey" = $9)
    AND EXISTS (SELECT 1 FROM "PhotoKeyword" k WHERE k."photoId" = p."id" AND k."name" = $10)
    AND (p."takenAt", p."id") < (SELECT c."takenAt", c."id" FROM "Photo" c WHERE c."id" = $11 AND (c."directory" = $12 OR (c."directory" >= $13 AND c."directory" < $14)))
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $15
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $16 OR (p."directory" >= $17 AND p."directory" < $18))
    AND p."takenAt" IS NULL
    AND p."directory" = $19
    AND EXISTS (SELECT 1 FROM "PhotoState" s WHERE s."photoId" = p."id" AND s."userId" = $20 AND s."favorite" = true)
    AND EXISTS (SELECT 1 FROM "AlbumPhoto" a WHERE a."photoId" = p."id" AND a."albumId" = $21)
    AND EXISTS (SELECT 1 FROM "PhotoTag" pt JOIN "Tag" t ON t."id" = pt."tagId" WHERE pt."photoId" = p."id" AND t."userId" = $22 AND t."nameKey" = $23)
    AND EXISTS (SELECT 1 FROM "PhotoKeyword" k WHERE k."photoId" = p."id" AND k."name" = $24)
    AND EXISTS (SELECT 1 FROM "Photo" c WHERE c."id" = $25 AND (c."directory" = $26 OR (c."directory" >= $27 AND c."directory" < $28)) AND (c."takenAt" IS NOT NULL OR c."id" > p."id"))
  ORDER BY p."id" DESC LIMIT $29
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $30;
-- values: ["user-1","/library/family","/library/family/","/library/family0","/library/family/2023","user-1","album-1","user-1","beach","Alps","photo-9","/library/family","/library/family/","/library/family0",61,"/library/family","/library/family/","/library/family0","/library/family/2023","user-1","album-1","user-1","beach","Alps","photo-9","/library/family","/library/family/","/library/family0",61,61]
