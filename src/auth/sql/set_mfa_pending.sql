UPDATE users SET mfa_pending_secret = :secret WHERE id = :id
