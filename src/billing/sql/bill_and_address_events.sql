-- An account's sent bills and mailing address changes, in the order they happened.
SELECT kind, details FROM account_events
WHERE account_id = :account AND kind IN ('bill.ready', 'mailing_address.changed')
ORDER BY id
