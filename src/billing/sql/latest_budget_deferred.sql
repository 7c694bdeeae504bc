-- The deferred balance after the account's latest sent bill: the part of the balance that bill did
-- not ask for (zero when it was not a budget bill).
SELECT budget_deferred_cents FROM bills
WHERE account_id = :account AND status = 'released' ORDER BY id DESC LIMIT 1
