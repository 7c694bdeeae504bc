UPDATE users SET mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL, mfa_last_step = :step
WHERE id = :id AND mfa_pending_secret IS NOT NULL
