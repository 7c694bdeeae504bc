-- A saved method of the account, not removed, that `viewer` may use ('' : any).
SELECT m.id FROM payment_methods m JOIN accounts a ON a.id = m.account_id
WHERE a.number = :account AND m.id = :id AND m.removed_at IS NULL
  AND (:viewer = '' OR m.owner = :viewer2)
