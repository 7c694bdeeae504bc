-- The account's last 12 sent bills' charges, newest first.
SELECT charges_cents FROM bills
WHERE account_id = :account AND status = 'released' ORDER BY id DESC LIMIT 12
