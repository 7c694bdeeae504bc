SELECT id, email, name, status FROM staff_users WHERE email = :email
