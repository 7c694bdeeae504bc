SELECT COALESCE(MAX(id), 0) FROM account_events
