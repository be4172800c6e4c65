ANALYZE "Photo";
-- values: []

ANALYZE "PhotoSearch";
-- values: []
