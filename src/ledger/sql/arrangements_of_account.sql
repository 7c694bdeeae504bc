SELECT id, status, past_due_cents, down_payment_cents, down_payment_due_on, down_payment_kept,
       installment_count, installment_cents, last_installment_cents, installments_billed,
       created_on, COALESCE(ended_on, '') AS ended_on, COALESCE(end_reason, '') AS end_reason
FROM payment_arrangements WHERE account_id = :account ORDER BY id DESC
