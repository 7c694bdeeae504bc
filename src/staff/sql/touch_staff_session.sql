UPDATE staff_sessions SET last_seen_at = :last_seen_at WHERE id = :id AND ended_at IS NULL
