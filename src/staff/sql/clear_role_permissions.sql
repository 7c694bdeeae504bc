DELETE FROM staff_role_permissions WHERE role = :role
