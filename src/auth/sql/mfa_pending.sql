SELECT mfa_pending_secret FROM users WHERE id = :id
