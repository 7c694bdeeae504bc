-- The first password and a new TOTP key, until two-step sign-in is confirmed.
UPDATE staff_users SET password_hash = :password_hash, mfa_secret = :mfa_secret
WHERE id = :id AND mfa_confirmed_at IS NULL AND status = 'active'
