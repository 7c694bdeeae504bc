-- Takes a block of :count payment confirmation numbers; answers the first.
UPDATE sequences SET next_value = next_value + :count
WHERE name = 'payment_confirmation'
RETURNING next_value - :count2 AS first_sequence
