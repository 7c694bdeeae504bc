SELECT DISTINCT kind FROM account_events WHERE account_id = :account_id
