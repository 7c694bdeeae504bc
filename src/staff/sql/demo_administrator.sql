SELECT id, mfa_secret FROM staff_users
WHERE created_by = :created_by AND status = 'active' AND mfa_confirmed_at IS NOT NULL
ORDER BY id LIMIT 1
