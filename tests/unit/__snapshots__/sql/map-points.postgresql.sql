SELECT p."id", p."latitude", p."longitude" FROM "Photo" p
WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $1 OR (p."directory" >= $2 AND p."directory" < $3))
  AND p."latitude" IS NOT NULL
  AND p."longitude" IS NOT NULL;
-- values: ["/library/family","/library/family/","/library/family0"]

SELECT p."id", p."latitude", p."longitude" FROM "Photo" p
WHERE p."missingSince" IS NULL AND p."readError" IS NULL AND (p."directory" = $1 OR (p."directory" >= $2 AND p."directory" < $3))
  AND p."latitude" IS NOT NULL
  AND p."longitude" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "AlbumPhoto" a WHERE a."photoId" = p."id" AND a."albumId" = $4);
-- values: ["/library/family","/library/family/","/library/family0","album-1"]
