INSERT INTO staff_user_roles (user_id, role) VALUES (:user_id, :role)
