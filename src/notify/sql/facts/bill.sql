-- What a bill notice says of the bill: the amount it asks for, its due date and period
-- (period_end is the first day not billed), and the arrangement installment it carries (null:
-- none). Nothing when it was cancelled since.
SELECT previous_balance_cents + charges_cents - budget_deferred_cents
         - arrangement_deferred_cents AS amount_due_cents,
       due_date, period_start, period_end, number AS bill_number,
       arrangement_installment_cents
FROM bills
WHERE account_id = :account_id AND number = :key AND status = 'released'
