-- The head-end took the command: its transaction and expiry.
UPDATE head_end_commands SET transaction_id = :transaction, expires_at = :expires_at
WHERE order_id = :order
