UPDATE account_claims SET code_hash = :code_hash, expires_at = :expires_at, wrong_codes = 0
WHERE id = :id
