-- Rotated: the old key keeps working until :expires_at, then stops.
UPDATE api_keys SET expires_at = :expires_at, replaced_by = :replaced_by
WHERE id = :id AND revoked_at IS NULL
