-- An account's saved payment methods, not removed, default first: those of `viewer` (a portal
-- login, "customer:42"), or all of them when the viewer is '' (staff, the system's jobs).
SELECT m.id, m.method, m.label, m.is_default, m.created_at, m.token
FROM payment_methods m JOIN accounts a ON a.id = m.account_id
WHERE a.number = :account AND m.removed_at IS NULL AND (:viewer = '' OR m.owner = :viewer2)
ORDER BY m.is_default DESC, m.id
