UPDATE staff_sessions SET ended_at = :ended_at WHERE id = :id AND ended_at IS NULL
