-- An application made before with this key (keys of public applications are scoped by the caller).
SELECT o.id, o.account_id, o.request_digest, a.number AS account_number
FROM service_orders o JOIN accounts a ON a.id = o.account_id
WHERE o.idempotency_key = :key AND o.kind = 'start_service'
