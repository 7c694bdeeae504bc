-- Commands waiting for the head-end's answer, oldest first, with their order's account.
SELECT c.order_id, a.number AS account_number, c.transaction_id, c.expires_at
FROM head_end_commands c
JOIN service_orders o ON o.id = c.order_id
JOIN accounts a ON a.id = o.account_id
WHERE c.status = 'pending'
ORDER BY c.id
LIMIT :limit
