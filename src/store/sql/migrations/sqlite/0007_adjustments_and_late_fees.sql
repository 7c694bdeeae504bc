-- Staff adjustments with their approvals, and late fees assessed once per bill.
-- docs/billing.md explains each table.

-- An account exempt from late fees says why (a medical certificate on file, ...); NULL: not exempt.
ALTER TABLE accounts ADD COLUMN late_fee_exemption TEXT;

-- An adjustment staff asked for. Up to the utility's approval limit it posts at once; above it,
-- it waits 'pending' for a second person, who approves (it posts) or rejects it. The request's
-- idempotency key makes a retried request return the first answer.
CREATE TABLE adjustments (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  amount_cents BIGINT NOT NULL CHECK (amount_cents <> 0),  -- negative: a credit to the customer
  reason_code TEXT NOT NULL,
  memo TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'posted', 'rejected')),
  idempotency_key TEXT NOT NULL UNIQUE,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  decision_note TEXT,
  ledger_entry_id INTEGER REFERENCES ledger_entries (id)
);
CREATE INDEX adjustments_by_status ON adjustments (status, id);
CREATE INDEX adjustments_by_account ON adjustments (account_id, id);

-- The late-fee job's answer for each bill whose grace period ended: charged (with the entry) or
-- not and why. The primary key is what makes a fee at most once per bill.
CREATE TABLE late_fees (
  bill_id INTEGER PRIMARY KEY REFERENCES bills (id),
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  assessed_on TEXT NOT NULL,
  unpaid_cents BIGINT NOT NULL,
  fee_cents BIGINT NOT NULL DEFAULT 0,
  reason TEXT NOT NULL,
  ledger_entry_id INTEGER REFERENCES ledger_entries (id),
  assessed_at TEXT NOT NULL
);
CREATE INDEX bills_by_due_date ON bills (due_date, id);
