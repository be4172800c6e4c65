SELECT DISTINCT p."contentHash" AS "hash" FROM "Photo" p WHERE (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?)) AND p."missingSince" IS NULL AND p."readError" IS NULL AND p."thumbnailState" = 'ready' AND p."contentHash" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "FaceScan" s WHERE s."contentHash" = p."contentHash" AND (s."status" = 'done' OR (s."status" = 'failed' AND s."attempts" >= ?))) AND p."contentHash" > ? ORDER BY 1 LIMIT ?;
-- values: ["/library/family","/library/family/","/library/family0",2,"",200]

SELECT COUNT(DISTINCT p."contentHash") AS "n" FROM "Photo" p WHERE (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?)) AND p."missingSince" IS NULL AND p."readError" IS NULL AND p."thumbnailState" = 'ready' AND p."contentHash" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "FaceScan" s WHERE s."contentHash" = p."contentHash" AND (s."status" = 'done' OR (s."status" = 'failed' AND s."attempts" >= ?)));
-- values: ["/library/family","/library/family/","/library/family0",2]

SELECT f."id", f."score", f."embedding" FROM "Face" f WHERE f."id" > ? AND NOT EXISTS (SELECT 1 FROM "PersonFace" pf WHERE pf."userId" = ? AND pf."faceId" = f."id") AND EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = f."contentHash" AND p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))) ORDER BY f."id" LIMIT ?;
-- values: ["","user-1","/library/family","/library/family/","/library/family0",500]

SELECT pf."personId", COUNT(*) AS "faceCount", f."id" AS "coverFaceId", MAX(f."score") AS "best" FROM "PersonFace" pf JOIN "Face" f ON f."id" = pf."faceId" WHERE pf."userId" = ? AND EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = f."contentHash" AND p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))) GROUP BY pf."personId";
-- values: ["user-1","/library/family","/library/family/","/library/family0"]

SELECT pf."personId", COUNT(*) AS "faceCount", f."id" AS "coverFaceId", MAX(f."score") AS "best" FROM "PersonFace" pf JOIN "Face" f ON f."id" = pf."faceId" WHERE pf."userId" = ? AND pf."personId" = ? AND EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = f."contentHash" AND p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))) GROUP BY pf."personId";
-- values: ["user-1","person-1","/library/family","/library/family/","/library/family0"]

SELECT f."id" FROM "Face" f WHERE f."id" IN (?, ?) AND EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = f."contentHash" AND p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?)));
-- values: ["face-1","face-2","/library/family","/library/family/","/library/family0"]

SELECT 1 AS "one" FROM "PersonFace" pf JOIN "Face" f ON f."id" = pf."faceId" WHERE pf."personId" = ? AND pf."userId" = ? AND EXISTS (SELECT 1 FROM "Photo" p WHERE p."contentHash" = f."contentHash" AND p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))) LIMIT 1;
-- values: ["person-1","user-1","/library/family","/library/family/","/library/family0"]

SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = ?) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
    AND p."takenAt" IS NOT NULL
    AND EXISTS (SELECT 1 FROM "Face" f JOIN "PersonFace" pf ON pf."faceId" = f."id" WHERE f."contentHash" = p."contentHash" AND pf."userId" = ? AND pf."personId" = ?)
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT ?
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
    AND p."takenAt" IS NULL
    AND EXISTS (SELECT 1 FROM "Face" f JOIN "PersonFace" pf ON pf."faceId" = f."id" WHERE f."contentHash" = p."contentHash" AND pf."userId" = ? AND pf."personId" = ?)
  ORDER BY p."id" DESC LIMIT ?
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT ?;
-- values: ["user-1","/library/family","/library/family/","/library/family0","user-1","person-1",61,"/library/family","/library/family/","/library/family0","user-1","person-1",61,61]
