SELECT 1 FROM user_accounts ua JOIN accounts a ON a.id = ua.account_id
WHERE ua.user_id = :user_id AND a.number = :number
