-- What a staff user's roles let them do.
SELECT DISTINCT p.permission
FROM staff_user_roles r
JOIN staff_role_permissions p ON p.role = r.role
WHERE r.user_id = :user_id
ORDER BY p.permission
