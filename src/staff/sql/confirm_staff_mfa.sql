UPDATE staff_users SET mfa_confirmed_at = :confirmed_at, mfa_last_step = :step WHERE id = :id
