SELECT id, at, last_record, last_hash, public_key, signature FROM audit_checkpoints ORDER BY id
