-- The account's active payment arrangement when no bill has carried an installment of it yet.
SELECT past_due_cents, down_payment_cents, down_payment_due_on, created_on, created_at
FROM payment_arrangements
WHERE account_id = :account AND status = 'active' AND installments_billed = 0
