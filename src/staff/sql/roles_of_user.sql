SELECT role FROM staff_user_roles WHERE user_id = :user_id ORDER BY role
