-- The addresses account :account_id follows, in the order it chose them.
SELECT p.id, p.line1, p.line2, p.city, p.state, p.zip
FROM outage_subscriptions s JOIN premises p ON p.id = s.premise_id
WHERE s.account_id = :account_id ORDER BY s.id
