-- The job's answer for one bill; a second answer for the same bill is refused (primary key).
INSERT INTO late_fees (bill_id, account_id, assessed_on, unpaid_cents, fee_cents, reason,
                       ledger_entry_id, assessed_at)
VALUES (:bill, :account, :assessed_on, :unpaid, :fee, :reason, :entry, :assessed_at)
