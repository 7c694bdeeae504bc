-- Ledger amounts declared BIGINT: SOCI reads a SQLite column declared INTEGER through a 32-bit
-- int, so an entry above $21,474,836.47 came back wrong. The table is rebuilt with the same rows,
-- index and append-only triggers; the view over it is recreated as it was.
PRAGMA defer_foreign_keys = ON;
DROP VIEW account_overview;
CREATE TABLE ledger_entries_wide (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL CHECK (kind IN ('opening_balance', 'bill', 'payment', 'adjustment',
                                     'late_fee', 'reversal', 'refund', 'deposit', 'transfer')),
  amount_cents BIGINT NOT NULL,
  effective_on TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  memo TEXT NOT NULL DEFAULT '',
  reverses_entry_id INTEGER REFERENCES ledger_entries_wide (id)
);
INSERT INTO ledger_entries_wide SELECT * FROM ledger_entries;
DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_wide RENAME TO ledger_entries;
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
