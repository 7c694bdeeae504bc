SELECT id, account_id, status FROM leak_alerts WHERE id = :id
