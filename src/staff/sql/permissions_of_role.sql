SELECT permission FROM staff_role_permissions WHERE role = :role ORDER BY permission
