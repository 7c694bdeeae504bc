-- Takes the next account sequence number inside the caller's transaction (gapless: a rollback
-- gives it back). The row is created on first use.
UPDATE sequences SET next_value = next_value + 1
WHERE name = 'account_number'
RETURNING next_value - 1 AS account_sequence
