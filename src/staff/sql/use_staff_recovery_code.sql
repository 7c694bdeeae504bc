UPDATE staff_recovery_codes SET used_at = :used_at
WHERE user_id = :user_id AND code_hash = :code_hash AND used_at IS NULL
