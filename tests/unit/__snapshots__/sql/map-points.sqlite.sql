SELECT p."id", p."latitude", p."longitude" FROM "Photo" p
WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
  AND p."latitude" IS NOT NULL
  AND p."longitude" IS NOT NULL;
-- values: ["/library/family","/library/family/","/library/family0"]

SELECT p."id", p."latitude", p."longitude" FROM "Photo" p
WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = ? OR (p."directory" >= ? AND p."directory" < ?))
  AND p."latitude" IS NOT NULL
  AND p."longitude" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "AlbumPhoto" a WHERE a."photoId" = p."id" AND a."albumId" = ?);
-- values: ["/library/family","/library/family/","/library/family0","album-1"]
