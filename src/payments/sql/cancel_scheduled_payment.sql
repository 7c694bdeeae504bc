UPDATE scheduled_payments SET status = 'cancelled', cancelled_at = :at
WHERE id = :id AND status = 'scheduled'
  AND account_id = (SELECT id FROM accounts WHERE number = :account)
