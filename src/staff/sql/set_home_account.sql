UPDATE staff_users SET home_account_id = (SELECT id FROM accounts WHERE number = :number)
WHERE id = :id
RETURNING home_account_id
