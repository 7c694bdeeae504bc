UPDATE users SET password_hash = :password_hash, verified_at = COALESCE(verified_at, :verified_at)
WHERE id = :id
