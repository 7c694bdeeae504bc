INSERT INTO staff_role_permissions (role, permission) VALUES (:role, :permission)
