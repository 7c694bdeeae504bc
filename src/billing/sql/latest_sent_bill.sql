-- The account's latest sent bill: its number, charges and period.
SELECT number, charges_cents, period_start, period_end FROM bills
WHERE account_id = :account AND status = 'released' ORDER BY id DESC LIMIT 1
