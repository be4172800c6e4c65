SELECT DISTINCT p."contentHash" AS "hash" FROM "Photo" p WHERE (p."directory" = $1 OR (p."directory" >= $2 AND p."directory" < $3)) AND p."missingSince" IS NULL AND p."readError" IS NULL AND p."thumbnailState" = 'ready' AND p."contentHash" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "FaceScan" s WHERE s."contentHash" = p."contentHash" AND (s."status" = 'done' OR (s."status" = 'failed' AND s."attempts" >= $4))) AND p."contentHash" > $5 ORDER BY 1 LIMIT $6;
-- values: ["/library/family","/library/family/","/library/family0",2,"",200]

SELECT COUNT(DISTINCT p."contentHash") AS "n" FROM "Photo" p WHERE (p."directory" = $1 OR (p."directory" >= $2 AND p."directory" < $3)) AND p."missingSince" IS NULL AND p."readError" IS NULL AND p."thumbnailState" = 'ready' AND p."contentHash" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "FaceScan" s WHERE s."contentHash" = p."contentHash" AND (s."status" = 'done' OR (s."status" = 'failed' AND s."attempts" >= $4)));
-- values: ["/library/family","/library/family/","/library/family0",2]

SELECT f."id", f."score", f."embedding" FROM "Face" f WHERE f."id" > $1 AND NOT EXISTS (SELECT 1 FROM "PersonFace" pf WHERE pf."userId" = $2 AND pf."faceId" = f."id") AND EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = f."contentHash" AND p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $3 OR (p."directory" >= $4 AND p."directory" < $5))) ORDER BY f."id" LIMIT $6;
-- values: ["","user-1","/library/family","/library/family/","/library/family0",500]

SELECT pf."personId", COUNT(*) AS "faceCount", (array_agg(f."id" ORDER BY f."score" DESC, f."id"))[1] AS "coverFaceId" FROM "PersonFace" pf JOIN "Face" f ON f."id" = pf."faceId" WHERE pf."userId" = $1 AND EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = f."contentHash" AND p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))) GROUP BY pf."personId";
-- values: ["user-1","/library/family","/library/family/","/library/family0"]

SELECT pf."personId", COUNT(*) AS "faceCount", (array_agg(f."id" ORDER BY f."score" DESC, f."id"))[1] AS "coverFaceId" FROM "PersonFace" pf JOIN "Face" f ON f."id" = pf."faceId" WHERE pf."userId" = $1 AND pf."personId" = $2 AND EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = f."contentHash" AND p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $3 OR (p."directory" >= $4 AND p."directory" < $5))) GROUP BY pf."personId";
-- values: ["user-1","person-1","/library/family","/library/family/","/library/family0"]

SELECT f."id" FROM "Face" f WHERE f."id" IN ($1, $2) AND EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = f."contentHash" AND p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $3 OR (p."directory" >= $4 AND p."directory" < $5)));
-- values: ["face-1","face-2","/library/family","/library/family/","/library/family0"]

SELECT 1 AS "one" FROM "PersonFace" pf JOIN "Face" f ON f."id" = pf."faceId" WHERE pf."personId" = $1 AND pf."userId" = $2 AND EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = f."contentHash" AND p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $3 OR (p."directory" >= $4 AND p."directory" < $5))) LIMIT 1;
-- values: ["person-1","user-1","/library/family","/library/family/","/library/family0"]

SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = $1) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $2 OR (p."directory" >= $3 AND p."directory" < $4))
    AND p."takenAt" IS NOT NULL
    AND EXISTS (SELECT 1 FROM "Face" f JOIN "PersonFace" pf ON pf."faceId" = f."id" WHERE f."contentHash" = p."contentHash" AND pf."userId" = $5 AND pf."personId" = $6)
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT $7
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $8 OR (p."directory" >= $9 AND p."directory" < $10))
    AND p."takenAt" IS NULL
    AND EXISTS (SELECT 1 FROM "Face" f JOIN "PersonFace" pf ON pf."faceId" = f."id" WHERE f."contentHash" = p."contentHash" AND pf."userId" = $11 AND pf."personId" = $12)
  ORDER BY p."id" DESC LIMIT $13
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT $14;
-- values: ["user-1","/library/family","/library/family/","/library/family0","user-1","person-1",61,"/library/family","/library/family/","/library/family0","user-1","person-1",61,61]
