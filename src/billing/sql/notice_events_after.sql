-- The account events after :after, oldest first (at most :limit), with what a bill notice needs
-- of each event's account: whether it is paperless, its contact email, language and number.
SELECT e.id, e.kind, e.details, a.paperless, p.email, a.language, a.number
FROM account_events e
LEFT JOIN accounts a ON a.id = e.account_id
LEFT JOIN persons p ON p.id = a.person_id
WHERE e.id > :after
ORDER BY e.id
LIMIT :limit
