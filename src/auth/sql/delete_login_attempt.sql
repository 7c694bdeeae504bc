-- A reserved attempt that was neither a success nor a failure (the password was right and the
-- two-step code is still to come).
DELETE FROM login_attempts WHERE id = :id
