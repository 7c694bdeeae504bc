INSERT INTO refunds (account_id, amount_cents, method, reason, mail_to, idempotency_key,
                     request_fingerprint, ledger_entry_id, created_at, created_by)
VALUES (:account, :amount, 'check', :reason, :mail_to, :key, :fingerprint, :entry, :at, :by)
