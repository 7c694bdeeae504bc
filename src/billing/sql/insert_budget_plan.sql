INSERT INTO budget_plans (account_id, status, installment_cents, true_up_month, enrolled_on,
                          enrolled_by)
VALUES (:account, 'active', :installment, :true_up_month, :enrolled_on, :enrolled_by)
RETURNING id
