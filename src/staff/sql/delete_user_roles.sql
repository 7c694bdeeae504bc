DELETE FROM staff_user_roles WHERE user_id = :user_id
