-- The account a released bill with this number was sent to, as a search hit.
SELECT o.id, o.number, o.customer_name, o.status, o.line1, o.line2, o.city, o.state, o.zip,
       o.balance_cents
FROM bills b JOIN account_overview o ON o.id = b.account_id
WHERE b.number = :bill_number
