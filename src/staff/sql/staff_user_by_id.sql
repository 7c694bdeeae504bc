SELECT id, email, name, status, password_hash, mfa_secret, mfa_confirmed_at, mfa_last_step
FROM staff_users WHERE id = :id
