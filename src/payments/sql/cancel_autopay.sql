UPDATE autopay_enrolments SET cancelled_at = :at
WHERE cancelled_at IS NULL AND account_id = (SELECT id FROM accounts WHERE number = :account)
