-- Takes the next payment confirmation sequence inside the caller's transaction.
UPDATE sequences SET next_value = next_value + 1
WHERE name = 'payment_confirmation'
RETURNING next_value - 1 AS confirmation_sequence
