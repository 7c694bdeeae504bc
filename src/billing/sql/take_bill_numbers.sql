-- Takes :count consecutive bill numbers inside the caller's transaction (gapless: a rollback
-- gives them back) and returns the sequence's new next value (the first taken is that - count).
UPDATE sequences SET next_value = next_value + :count
WHERE name = 'bill_number'
RETURNING next_value
