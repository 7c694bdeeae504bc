SELECT id, account_id, down_payment_cents, down_payment_due_on, down_payment_kept, created_on,
       installment_count, installments_billed
FROM payment_arrangements WHERE status = 'active' ORDER BY id
