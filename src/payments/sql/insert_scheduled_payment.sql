INSERT INTO scheduled_payments (account_id, amount_cents, pay_on, payment_method_id, status,
                                created_at, created_by)
VALUES (:account, :amount, :pay_on, :method, 'scheduled', :at, :by)
RETURNING id
