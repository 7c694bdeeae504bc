-- Payments still waiting on the processor, oldest first, after payment :after (cursor pagination).
SELECT p.id, p.confirmation, a.number, p.amount_cents, p.status, p.channel, p.method,
       p.method_label, p.failure_reason, p.effective_on, p.created_at, p.balance_after_cents,
       p.request_fingerprint, p.token, p.account_id, p.idempotency_key, p.taken_by,
       NULL AS moved_to, NULL AS moved_from
FROM payments p JOIN accounts a ON a.id = p.account_id
WHERE p.status = 'pending' AND p.id > :after
ORDER BY p.id LIMIT :limit
