-- The account events written since `after`, oldest first, with the account's number.
SELECT e.id, a.number, e.kind FROM account_events e JOIN accounts a ON a.id = e.account_id
WHERE e.id > :after
ORDER BY e.id
LIMIT :limit
