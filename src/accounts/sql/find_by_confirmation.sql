-- The account a payment with this confirmation ("P00000017") was made to, as a search hit.
SELECT o.id, o.number, o.customer_name, o.status, o.line1, o.line2, o.city, o.state, o.zip,
       o.balance_cents
FROM payments p JOIN account_overview o ON o.id = p.account_id
WHERE p.confirmation = :confirmation
