SELECT COUNT(*) AS n FROM staff_user_roles r JOIN staff_users u ON u.id = r.user_id
WHERE r.role = 'administrator' AND u.status = 'active' AND u.id <> :user_id
