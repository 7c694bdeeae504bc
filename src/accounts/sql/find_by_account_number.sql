-- The account with this number (9 digits), as a search hit.
SELECT id, number, customer_name, status, line1, line2, city, state, zip, balance_cents
FROM account_overview
WHERE number = :number
