SELECT f."month" AS "month", SUM(f."count") AS "count"
FROM "FolderMonth" f
WHERE (f."path" = $1 OR (f."path" >= $2 AND f."path" < $3))
GROUP BY f."month"
ORDER BY "month" DESC;
-- values: ["/library/family","/library/family/","/library/family0"]

SELECT substr(p."takenAtLocal", 1, 7) AS "month", COUNT(*) AS "count"
FROM "Photo" p
WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $1 OR (p."directory" >= $2 AND p."directory" < $3))
  AND p."takenAtLocal" IS NOT NULL
  AND p."directory" = $4
  AND EXISTS (SELECT 1 FROM "PhotoState" s WHERE s."photoId" = p."id" AND s."userId" = $5 AND s."favorite" = true)
GROUP BY substr(p."takenAtLocal", 1, 7)
ORDER BY "month" DESC;
-- values: ["/library/family","/library/family/","/library/family0","/library/family/2023","user-1"]
