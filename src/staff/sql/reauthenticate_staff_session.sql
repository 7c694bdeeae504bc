UPDATE staff_sessions SET reauthenticated_at = :at, last_seen_at = :at2
WHERE id = :id AND ended_at IS NULL
