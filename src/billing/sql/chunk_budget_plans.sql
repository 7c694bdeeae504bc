-- The active budget billing plans of the accounts in [:first, :last].
SELECT id, account_id, installment_cents, true_up_month, bills_since_review, enrolled_on
FROM budget_plans WHERE status = 'active' AND account_id BETWEEN :first AND :last
