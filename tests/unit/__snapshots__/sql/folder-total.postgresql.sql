SELECT "g", "n", "coverId" FROM (
SELECT "g", SUM("photoCount") OVER (PARTITION BY "g") AS "n", "coverId",
  ROW_NUMBER() OVER (PARTITION BY "g" ORDER BY ("coverId" IS NULL), "coverTakenAt" DESC NULLS LAST, "coverId" DESC) AS "r"
FROM (SELECT "photoCount", "coverId", "coverTakenAt", 'all' AS "g" FROM "Folder" WHERE ("path" = $1 OR ("path" >= $2 AND "path" < $3))) x
  ) y WHERE "r" = 1;
-- values: ["/library/family","/library/family/","/library/family0"]
