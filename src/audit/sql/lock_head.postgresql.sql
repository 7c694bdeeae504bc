-- The last record's number and hash, locked until the transaction ends: appends chain one at a
-- time.
SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE
