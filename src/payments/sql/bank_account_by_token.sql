SELECT id, token, routing_number, account_sealed, last_four, account_type, holder_name,
       validation, COALESCE(validation_note, '') AS validation_note
FROM bank_accounts WHERE token = :token
