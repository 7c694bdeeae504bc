-- Bank (ACH) payments the utility originates itself (docs/payments.md, "Bank payments").

-- A 'fee' ledger kind for charges that are neither a bill nor a late fee: the returned-payment
-- fee. SQLite cannot alter a CHECK, so the ledger is rebuilt with the same rows, index, triggers
-- and view (as 0005 did).
PRAGMA defer_foreign_keys = ON;
DROP VIEW account_overview;
CREATE TABLE ledger_entries_with_fees (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL CHECK (kind IN ('opening_balance', 'bill', 'payment', 'adjustment',
                                     'late_fee', 'reversal', 'refund', 'deposit', 'transfer',
                                     'fee')),
  amount_cents BIGINT NOT NULL,
  effective_on TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  memo TEXT NOT NULL DEFAULT '',
  reverses_entry_id INTEGER REFERENCES ledger_entries_with_fees (id)
);
INSERT INTO ledger_entries_with_fees SELECT * FROM ledger_entries;
DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_with_fees RENAME TO ledger_entries;
CREATE INDEX ledger_entries_by_account ON ledger_entries (account_id, id);
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: post a reversing entry instead'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: post a reversing entry instead'); END;
CREATE VIEW account_overview AS
SELECT a.id, a.number, p.name AS customer_name, a.status, a.mail_zip,
       pr.line1, pr.line2, pr.city, pr.state, pr.zip,
       (SELECT CAST(COALESCE(SUM(le.amount_cents), 0) AS BIGINT)
          FROM ledger_entries le WHERE le.account_id = a.id) AS balance_cents
FROM accounts a
JOIN persons p ON p.id = a.person_id
LEFT JOIN premises pr ON pr.id = (
  SELECT sp.premise_id FROM service_agreements sa
  JOIN service_points sp ON sp.id = sa.service_point_id
  WHERE sa.account_id = a.id ORDER BY sa.id LIMIT 1);

-- The bank accounts customers pay from. The account number is sealed with the vault key (never
-- stored in the clear); the token is what payments and saved methods hold. Validation on first
-- use (the NACHA rule for WEB debits) is recorded once: valid accounts are not asked again.
CREATE TABLE bank_accounts (
  id INTEGER PRIMARY KEY,
  token TEXT NOT NULL UNIQUE,
  routing_number TEXT NOT NULL,
  account_sealed TEXT NOT NULL,
  last_four TEXT NOT NULL,
  account_type TEXT NOT NULL CHECK (account_type IN ('checking', 'savings')),
  holder_name TEXT NOT NULL,
  validation TEXT NOT NULL DEFAULT 'unvalidated'
    CHECK (validation IN ('unvalidated', 'valid', 'invalid')),
  validation_note TEXT,
  validated_at TEXT,
  created_at TEXT NOT NULL
);

-- Each ACH debit file made, kept as sent.
CREATE TABLE ach_files (
  id INTEGER PRIMARY KEY,
  created_on TEXT NOT NULL,  -- the utility's local date
  file_id_modifier TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  entry_count BIGINT NOT NULL,
  total_cents BIGINT NOT NULL,
  content TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (created_on, file_id_modifier)
);

-- A bank payment's place in a file (its trace number), and a return's R-code.
ALTER TABLE payments ADD COLUMN ach_file_id INTEGER REFERENCES ach_files (id);
ALTER TABLE payments ADD COLUMN ach_trace_number TEXT;
ALTER TABLE payments ADD COLUMN return_code TEXT;
ALTER TABLE payments ADD COLUMN returned_at TEXT;
CREATE UNIQUE INDEX payments_by_trace ON payments (ach_trace_number)
  WHERE ach_trace_number IS NOT NULL;
CREATE INDEX payments_to_send ON payments (method, ach_file_id, status);

INSERT INTO sequences (name, next_value) VALUES ('ach_trace', 1)
  ON CONFLICT (name) DO NOTHING;
