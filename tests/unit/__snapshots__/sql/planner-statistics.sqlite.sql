ANALYZE "Photo";
-- values: []

CREATE TABLE IF NOT EXISTS "_folio_reload_statistics" ("x" INTEGER);
-- values: []

DROP TABLE "_folio_reload_statistics";
-- values: []
