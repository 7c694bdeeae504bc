DELETE FROM staff_recovery_codes WHERE user_id = :user_id
