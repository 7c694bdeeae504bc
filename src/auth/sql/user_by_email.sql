SELECT id, email, password_hash, language, verified_at, mfa_secret, mfa_last_step
FROM users WHERE email = :email
