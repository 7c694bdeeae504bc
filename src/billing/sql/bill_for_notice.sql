-- A sent bill by number, for its notice: the amount it asks for, due date and period.
SELECT previous_balance_cents + charges_cents - budget_deferred_cents
         - arrangement_deferred_cents AS amount_due_cents,
       due_date, period_start, period_end
FROM bills WHERE number = :number AND status = 'released'
