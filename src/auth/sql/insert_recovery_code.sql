INSERT INTO recovery_codes (user_id, code_hash) VALUES (:user_id, :code_hash)
