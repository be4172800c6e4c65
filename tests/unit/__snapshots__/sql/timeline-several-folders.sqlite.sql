SELECT q."id", q."takenAt", q."takenAtLocal", q."takenAtOffset", q."takenAtSource", q."mediaType", q."mime", q."animated", q."durationMs", q."hasMotion", q."width", q."height", q."fileName", q."thumbnailState", (SELECT s."favorite" FROM "PhotoState" s WHERE s."photoId" = q."id" AND s."userId" = ?) AS "favorite"
FROM (
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND ((p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?)) OR (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?)))
    AND p."takenAt" IS NOT NULL
    AND (p."takenAt", p."id") < (SELECT c."takenAt", c."id" FROM "Photo" c WHERE c."id" = ? AND ((c."directory" = ? OR (c."directory" >= ? AND c."directory" < ?)) OR (c."directory" = ? OR (c."directory" >= ? AND c."directory" < ?))))
  ORDER BY p."takenAt" DESC, p."id" DESC LIMIT ?
) dated
UNION ALL
SELECT * FROM (
  SELECT p."id", p."takenAt", p."takenAtLocal", p."takenAtOffset", p."takenAtSource", p."mediaType", p."mime", p."animated", p."durationMs", p."hasMotion", p."width", p."height", p."fileName", p."thumbnailState" FROM "Photo" p
  WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND ((p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?)) OR (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?)))
    AND p."takenAt" IS NULL
    AND EXISTS (SELECT 1 FROM "Photo" c WHERE c."id" = ? AND ((c."directory" = ? OR (c."directory" >= ? AND c."directory" < ?)) OR (c."directory" = ? OR (c."directory" >= ? AND c."directory" < ?))) AND (c."takenAt" IS NOT NULL OR c."id" > p."id"))
  ORDER BY p."id" DESC LIMIT ?
) undated
) q
ORDER BY q."takenAt" DESC NULLS LAST, q."id" DESC LIMIT ?;
-- values: ["user-3","/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0","photo-9","/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0",61,"/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0","photo-9","/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0",61,61]

SELECT f."month" AS "month", SUM(f."count") AS "count"
FROM "FolderMonth" f
WHERE ((f."path" = ? OR (f."path" >= ? AND f."path" < ?)) OR (f."path" = ? OR (f."path" >= ? AND f."path" < ?)))
GROUP BY f."month"
ORDER BY "month" DESC;
-- values: ["/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0"]

SELECT (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f WHERE ((f."path" = ? OR (f."path" >= ? AND f."path" < ?)) OR (f."path" = ? OR (f."path" >= ? AND f."path" < ?)))) AS "visible", (SELECT COALESCE(SUM(f."photoCount"), 0) FROM "Folder" f) AS "total";
-- values: ["/library/family","/library/family/","/library/family0","/library/trips","/library/trips/","/library/trips0"]
