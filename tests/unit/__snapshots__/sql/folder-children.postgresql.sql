SELECT "g", "n", "coverId" FROM (
SELECT "g", SUM("photoCount") OVER (PARTITION BY "g") AS "n", "coverId",
  ROW_NUMBER() OVER (PARTITION BY "g" ORDER BY ("coverId" IS NULL), "coverTakenAt" DESC NULLS LAST, "coverId" DESC) AS "r"
FROM (SELECT "photoCount", "coverId", "coverTakenAt",
  CASE WHEN strpos(substr("path", length($1) + 1), '/') = 0 THEN substr("path", length($2) + 1) ELSE substr(substr("path", length($3) + 1), 1, strpos(substr("path", length($4) + 1), '/') - 1) END AS "g"
FROM "Folder" WHERE "path" >= $5 AND "path" < $6) x
  ) y WHERE "r" = 1;
-- values: ["/library/family/","/library/family/","/library/family/","/library/family/","/library/family/","/library/family0"]
