SELECT amount_cents FROM payments WHERE idempotency_key = :key
