-- The adjustment a request with this idempotency key made, if any (columns as adjustment_by_id).
SELECT j.id, a.number, j.amount_cents, j.reason_code, j.memo, j.status, j.requested_by,
       j.requested_at, j.decided_by, j.decided_at, j.decision_note, j.ledger_entry_id,
       j.account_id
FROM adjustments j JOIN accounts a ON a.id = j.account_id
WHERE j.idempotency_key = :key
