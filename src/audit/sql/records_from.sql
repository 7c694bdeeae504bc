SELECT id, at, actor, action, target, outcome, details, client_address, user_agent, request_id,
       previous_hash, hash, pruned_at
FROM audit_records WHERE id >= :from_id ORDER BY id LIMIT :limit
