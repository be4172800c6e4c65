ANALYZE "Photo";
-- values: []
