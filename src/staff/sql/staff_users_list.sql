SELECT id, email, name, status, created_at, created_by, COALESCE(disabled_at, '') AS disabled_at,
       COALESCE(disabled_by, '') AS disabled_by, mfa_confirmed_at
FROM staff_users ORDER BY name, id
