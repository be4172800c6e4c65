SELECT "g", "n", "coverId" FROM (
SELECT "g", SUM("photoCount") OVER (PARTITION BY "g") AS "n", "coverId",
  ROW_NUMBER() OVER (PARTITION BY "g" ORDER BY ("coverId" IS NULL), "coverTakenAt" DESC NULLS LAST, "coverId" DESC) AS "r"
FROM (SELECT "photoCount", "coverId", "coverTakenAt",
  CASE WHEN instr(substr("path", length(?) + 1), '/') = 0 THEN substr("path", length(?) + 1) ELSE substr(substr("path", length(?) + 1), 1, instr(substr("path", length(?) + 1), '/') - 1) END AS "g"
FROM "Folder" WHERE "path" >= ? AND "path" < ?) x
  ) y WHERE "r" = 1;
-- values: ["/library/family/","/library/family/","/library/family/","/library/family/","/library/family/","/library/family0"]
