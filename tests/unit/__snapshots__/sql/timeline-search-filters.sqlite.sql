SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = ?) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
    AND p."takenAt" IS NOT NULL
    AND p."takenAtLocal" >= ? AND p."takenAt" >= ?
    AND p."takenAtLocal" < ? AND p."takenAt" < ?
    AND p."mediaType" = ?
    AND p."rating" >= ?
    AND p."latitude" IS NOT NULL AND p."longitude" IS NOT NULL
    AND ((p."cameraMake" = ? AND p."cameraModel" = ?) OR (p."cameraMake" IS NULL AND p."cameraModel" = ?))
    AND p."latitude" BETWEEN ? AND ?
    AND (p."longitude" >= ? OR p."longitude" <= ?)
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT ?
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
    AND p."takenAt" IS NULL
    AND p."takenAtLocal" >= ? AND p."takenAt" >= ?
    AND p."takenAtLocal" < ? AND p."takenAt" < ?
    AND p."mediaType" = ?
    AND p."rating" >= ?
    AND p."latitude" IS NOT NULL AND p."longitude" IS NOT NULL
    AND ((p."cameraMake" = ? AND p."cameraModel" = ?) OR (p."cameraMake" IS NULL AND p."cameraModel" = ?))
    AND p."latitude" BETWEEN ? AND ?
    AND (p."longitude" >= ? OR p."longitude" <= ?)
  ORDER BY p."id" DESC LIMIT ?
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT ?;
-- values: ["user-1","/library/family","/library/family/","/library/family0","2023-01-01","2022-12-31T00:00:00.000+00:00","2024-01-01","2024-01-02T00:00:00.000+00:00","video",3,"Canon","Canon EOS 5D","X100",40,50,170,-170,61,"/library/family","/library/family/","/library/family0","2023-01-01","2022-12-31T00:00:00.000+00:00","2024-01-01","2024-01-02T00:00:00.000+00:00","video",3,"Canon","Canon EOS 5D","X100",40,50,170,-170,61,61]
