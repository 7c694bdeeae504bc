UPDATE users SET mfa_secret = NULL, mfa_pending_secret = NULL, mfa_last_step = 0 WHERE id = :id
