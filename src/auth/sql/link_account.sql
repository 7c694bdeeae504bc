INSERT INTO user_accounts (user_id, account_id, added_at)
SELECT :user_id, :account_id, :added_at
WHERE NOT EXISTS (SELECT 1 FROM user_accounts WHERE user_id = :user_id2 AND account_id = :account_id2)
