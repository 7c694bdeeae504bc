SELECT 1 FROM user_accounts WHERE user_id = :user_id AND account_id = :account_id
