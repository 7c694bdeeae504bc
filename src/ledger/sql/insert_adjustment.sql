INSERT INTO adjustments (account_id, amount_cents, reason_code, memo, status, idempotency_key,
                         requested_by, requested_at)
VALUES (:account, :amount, :reason_code, :memo, 'pending', :key, :requested_by, :requested_at)
RETURNING id
