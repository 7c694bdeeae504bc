UPDATE staff_users SET status = 'disabled', disabled_at = :disabled_at, disabled_by = :disabled_by
WHERE id = :id AND status = 'active'
