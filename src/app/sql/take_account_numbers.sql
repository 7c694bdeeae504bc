-- Takes :count account sequence numbers at once; returns the value after the last one taken.
UPDATE sequences SET next_value = next_value + :count
WHERE name = 'account_number'
RETURNING next_value
