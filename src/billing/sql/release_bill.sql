-- Releases a held bill with its number, dates and the balance it follows.
UPDATE bills SET status = 'released', number = :number, bill_date = :bill_date,
  due_date = :due_date, previous_balance_cents = :previous_balance, released_at = :released_at
WHERE id = :bill AND status = 'held'
