PRAGMA journal_mode = WAL;
-- values: []
