UPDATE staff_sessions SET ended_at = :ended_at WHERE user_id = :user_id AND ended_at IS NULL
