DELETE FROM "Folder" WHERE ("path" = ? OR ("path" >= ? AND "path" < ?));
-- values: ["/library/family","/library/family/","/library/family0"]

WITH d AS MATERIALIZED (
  SELECT g."directory", g."n", (
    SELECT x."id" FROM "Photo" x INDEXED BY "Photo_directory_idx"
    WHERE x."directory" = g."directory" AND x."missingSince" IS NULL AND x."readError" IS NULL AND x."thumbnailState" = 'ready'
    ORDER BY x."takenAt" DESC NULLS LAST, x."id" DESC LIMIT 1
  ) AS "cover"
  FROM (SELECT "directory", COUNT(*) AS "n" FROM "Photo" WHERE "missingSince" IS NULL AND "readError" IS NULL AND ("directory" = ? OR ("directory" >= ? AND "directory" < ?)) GROUP BY "directory") g
)
INSERT INTO "Folder" ("path", "photoCount", "coverId", "coverTakenAt")
SELECT d."directory", d."n", d."cover", (SELECT c."takenAt" FROM "Photo" c WHERE c."id" = d."cover")
FROM d
WHERE true
ON CONFLICT ("path") DO UPDATE SET "photoCount" = excluded."photoCount", "coverId" = excluded."coverId",
  "coverTakenAt" = excluded."coverTakenAt", "updatedAt" = CURRENT_TIMESTAMP;
-- values: ["/library/family","/library/family/","/library/family0"]

DELETE FROM "FolderMonth" WHERE ("path" = ? OR ("path" >= ? AND "path" < ?));
-- values: ["/library/family","/library/family/","/library/family0"]

INSERT INTO "FolderMonth" ("path", "month", "count")
SELECT "directory", substr("takenAtLocal", 1, 7), COUNT(*) FROM "Photo"
WHERE "missingSince" IS NULL AND "readError" IS NULL AND "takenAtLocal" IS NOT NULL AND ("directory" = ? OR ("directory" >= ? AND "directory" < ?))
GROUP BY "directory", substr("takenAtLocal", 1, 7);
-- values: ["/library/family","/library/family/","/library/family0"]
