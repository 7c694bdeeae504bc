INSERT INTO staff_recovery_codes (user_id, code_hash) VALUES (:user_id, :code_hash)
