SELECT o.id, o.number, o.customer_name, o.line1, o.city, o.zip, COALESCE(o.line2, '') AS line2
FROM user_accounts ua JOIN account_overview o ON o.id = ua.account_id
WHERE ua.user_id = :user_id
ORDER BY ua.added_at, o.id
