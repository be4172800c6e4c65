ANALYZE "Photo";
-- values: []

ANALYZE "PhotoSearch", "Folder", "FolderMonth";
-- values: []
