UPDATE audit_head SET last_id = :last_id, last_hash = :last_hash WHERE id = 1
