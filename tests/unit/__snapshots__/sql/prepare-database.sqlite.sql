PRAGMA journal_mode = WAL;
-- values: []

PRAGMA cache_size = -65536;
-- values: []

PRAGMA journal_mode = WAL;
-- values: []

PRAGMA cache_size = -8192;
-- values: []
