-- Takes the next ACH trace sequence inside the caller's transaction.
UPDATE sequences SET next_value = next_value + 1
WHERE name = 'ach_trace'
RETURNING next_value - 1 AS trace_sequence
