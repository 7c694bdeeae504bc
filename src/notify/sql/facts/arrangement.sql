-- What an arrangement notice says of the arrangement: the down payment and when it is due, the
-- installments on the next bills.
SELECT down_payment_cents, down_payment_due_on, installment_count, installment_cents,
       last_installment_cents, past_due_cents
FROM payment_arrangements
WHERE account_id = :account_id AND id = :key
