-- The deferred balance after the account's latest budget bill since enrolment (none: zero).
SELECT budget_deferred_cents FROM bills
WHERE account_id = :account AND status <> 'cancelled' AND budget_asked_cents IS NOT NULL
  AND bill_date >= :enrolled_on
ORDER BY id DESC LIMIT 1
