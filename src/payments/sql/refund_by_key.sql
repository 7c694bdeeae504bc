SELECT r.id, a.number, r.amount_cents, r.method, r.reason, r.mail_to, r.created_at,
       r.request_fingerprint
FROM refunds r JOIN accounts a ON a.id = r.account_id
WHERE r.idempotency_key = :key
