INSERT INTO "FolderSummaryVersion" ("id", "version") VALUES (1, 1)
ON CONFLICT ("id") DO UPDATE SET "version" = "FolderSummaryVersion"."version" + 1;
-- values: []
