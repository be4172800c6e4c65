SELECT pg_advisory_xact_lock(hashtext('folio.folder-summary'));
-- values: []

DELETE FROM "Folder" WHERE "path" IN ($1, $2);
-- values: ["/library/family/2024","/library/family/2024/june"]

WITH d AS MATERIALIZED (
  SELECT g."directory", g."n", (
    SELECT x."id" FROM "Photo" x
    WHERE x."directory" = g."directory" AND x."missingSince" IS NULL AND x."readError" IS NULL AND x."thumbnailState" = 'ready'
    ORDER BY x."takenAt" DESC NULLS LAST, x."id" DESC LIMIT 1
  ) AS "cover"
  FROM (SELECT "directory", COUNT(*) AS "n" FROM "Photo" WHERE "missingSince" IS NULL AND "readError" IS NULL AND "directory" IN ($1, $2) GROUP BY "directory") g
)
INSERT INTO "Folder" ("path", "photoCount", "coverId", "coverTakenAt")
SELECT d."directory", d."n", d."cover", (SELECT c."takenAt" FROM "Photo" c WHERE c."id" = d."cover")
FROM d
WHERE true
ON CONFLICT ("path") DO UPDATE SET "photoCount" = excluded."photoCount", "coverId" = excluded."coverId",
  "coverTakenAt" = excluded."coverTakenAt", "updatedAt" = CURRENT_TIMESTAMP;
-- values: ["/library/family/2024","/library/family/2024/june"]

DELETE FROM "FolderMonth" WHERE "path" IN ($1, $2);
-- values: ["/library/family/2024","/library/family/2024/june"]

INSERT INTO "FolderMonth" ("path", "month", "count")
SELECT "directory", substr("takenAtLocal", 1, 7), COUNT(*) FROM "Photo"
WHERE "missingSince" IS NULL AND "readError" IS NULL AND "takenAtLocal" IS NOT NULL AND "directory" IN ($1, $2)
GROUP BY "directory", substr("takenAtLocal", 1, 7);
-- values: ["/library/family/2024","/library/family/2024/june"]
