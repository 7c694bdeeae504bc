SELECT id, email, password_hash, language, verified_at, mfa_secret FROM users WHERE email = :email
