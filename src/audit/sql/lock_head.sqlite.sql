-- SQLite runs one write transaction at a time: appends are serialised already.
SELECT last_id, last_hash FROM audit_head WHERE id = 1
