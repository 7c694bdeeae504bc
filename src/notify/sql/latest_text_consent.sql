-- The account's latest consent row (granted or not).
SELECT number, granted, source, at FROM text_consents
WHERE account_id = :account_id ORDER BY id DESC LIMIT 1
