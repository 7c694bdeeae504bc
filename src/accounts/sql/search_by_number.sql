SELECT id, number, customer_name, status, line1, line2, city, state, zip, balance_cents
FROM account_overview
WHERE number = :number AND id > :after
ORDER BY id
LIMIT :limit
