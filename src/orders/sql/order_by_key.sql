SELECT id, request_digest FROM service_orders WHERE account_id = :account AND idempotency_key = :key
