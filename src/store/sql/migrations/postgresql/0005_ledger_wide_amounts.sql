-- SQLite only (ledger amounts declared BIGINT there); PostgreSQL declared them BIGINT from the
-- start. Kept so both engines record the same migrations.
SELECT 1;
