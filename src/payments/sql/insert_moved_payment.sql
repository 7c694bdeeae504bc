-- The payment carrying a moved one to the right account: posted as it is written (the money is
-- already in hand), with the moved payment's amount, channel, method, taker and day.
INSERT INTO payments (account_id, confirmation, amount_cents, status, channel, method,
                      method_label, token, idempotency_key, request_fingerprint,
                      processor_reference, effective_on, created_at, updated_at, taken_by,
                      check_number, moved_from_payment_id, moved_at, move_reason)
SELECT :account, :confirmation, amount_cents, 'posted', channel, method, method_label, token,
       :key, :fingerprint, processor_reference, effective_on, :created_at, :updated_at, taken_by,
       check_number, id, :moved_at, :reason
FROM payments WHERE id = :moved
RETURNING id
