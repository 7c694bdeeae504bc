-- Removes a saved method of the account (kept for history, no longer offered or used), when
-- `viewer` may use it ('' : any).
UPDATE payment_methods SET removed_at = :at, is_default = 0
WHERE id = :id AND removed_at IS NULL
  AND account_id = (SELECT id FROM accounts WHERE number = :account)
  AND (:viewer = '' OR owner = :viewer2)
