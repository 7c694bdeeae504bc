-- Refunds of credit balances (payments/refunds.h) and same-day voids of payments
-- (payments/payment_voids.h).
CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  method TEXT NOT NULL CHECK (method IN ('check')),
  reason TEXT NOT NULL,
  mail_to TEXT NOT NULL,  -- the name and mailing address the check goes to, as it was
  idempotency_key TEXT NOT NULL UNIQUE,
  request_fingerprint TEXT NOT NULL,
  ledger_entry_id INTEGER NOT NULL REFERENCES ledger_entries (id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX refunds_by_account ON refunds (account_id, id);

ALTER TABLE payments ADD COLUMN voided_at TEXT;
ALTER TABLE payments ADD COLUMN void_reason TEXT;
