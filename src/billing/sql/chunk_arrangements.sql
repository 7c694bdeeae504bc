-- Arrangements in force for the accounts of a chunk (ledger/arrangements.h).
SELECT id, account_id, past_due_cents, down_payment_cents, installment_count, installment_cents,
       last_installment_cents, installments_billed
FROM payment_arrangements
WHERE status = 'active' AND account_id BETWEEN :first AND :last
