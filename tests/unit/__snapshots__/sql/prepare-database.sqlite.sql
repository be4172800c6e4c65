PRAGMA journal_mode = WAL;
-- values: []

PRAGMA cache_size = -65536;
-- values: []

PRAGMA mmap_size = 268435456;
-- values: []
