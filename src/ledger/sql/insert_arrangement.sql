INSERT INTO payment_arrangements (account_id, status, past_due_cents, down_payment_cents,
                                  installment_count, installment_cents, last_installment_cents,
                                  down_payment_due_on, created_on, created_at, created_by)
VALUES (:account, 'active', :past_due, :down, :count, :installment, :last, :down_due, :created_on,
        :created_at, :created_by)
RETURNING id
