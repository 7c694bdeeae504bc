-- The payment an idempotency key asked for (the columns of every payment query).
SELECT p.id, p.confirmation, a.number, p.amount_cents, p.status, p.channel, p.method,
       p.method_label, p.failure_reason, p.effective_on, p.created_at, p.balance_after_cents,
       p.request_fingerprint, p.token, p.account_id, p.idempotency_key, p.taken_by,
       (SELECT m.confirmation FROM payments m WHERE m.id = p.moved_to_payment_id) AS moved_to,
       (SELECT m.confirmation FROM payments m WHERE m.id = p.moved_from_payment_id) AS moved_from
FROM payments p JOIN accounts a ON a.id = p.account_id
WHERE p.idempotency_key = :key
