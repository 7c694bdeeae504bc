-- The verified logins that hold an account, but one.
SELECT u.email, u.language
FROM user_accounts ua JOIN users u ON u.id = ua.user_id
WHERE ua.account_id = :account_id AND ua.user_id <> :user_id AND u.verified_at IS NOT NULL
ORDER BY u.id
