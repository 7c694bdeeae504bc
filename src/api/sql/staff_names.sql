SELECT id, name FROM staff_users
