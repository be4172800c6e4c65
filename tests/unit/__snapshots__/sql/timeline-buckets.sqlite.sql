SELECT f."month" AS "month", SUM(f."count") AS "count"
FROM "FolderMonth" f
WHERE (f."path" = ? OR (f."path" >= ? AND f."path" < ?))
GROUP BY f."month"
ORDER BY "month" DESC;
-- values: ["/library/family","/library/family/","/library/family0"]

SELECT substr(p."takenAtLocal", 1, 7) AS "month", COUNT(*) AS "count"
FROM "Photo" p
WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
  AND p."takenAtLocal" IS NOT NULL
  AND p."directory" = ?
  AND EXISTS (SELECT 1 FROM "PhotoState" s WHERE s."photoId" = p."id" AND s."userId" = ? AND s."favorite" = 1)
GROUP BY substr(p."takenAtLocal", 1, 7)
ORDER BY "month" DESC;
-- values: ["/library/family","/library/family/","/library/family0","/library/family/2023","user-1"]
