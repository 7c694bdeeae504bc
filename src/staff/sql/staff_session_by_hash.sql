SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.reauthenticated_at,
       s.ended_at, u.name, u.status, COALESCE(a.number, '') AS home_account
FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
LEFT JOIN accounts a ON a.id = u.home_account_id
WHERE s.token_hash = :token_hash
