-- Payments: one row per payment asked for, whatever became of it (payments/payment_state.h).
-- Only processor tokens and the last four digits are kept, never a card or account number.
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  confirmation TEXT NOT NULL UNIQUE,  -- what the customer is told: "P00000017"
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  status TEXT NOT NULL
    CHECK (status IN ('pending', 'posted', 'failed', 'returned', 'refunded', 'voided')),
  channel TEXT NOT NULL CHECK (channel IN ('web', 'phone', 'cashier', 'lockbox', 'autopay')),
  method TEXT NOT NULL CHECK (method IN ('card', 'bank', 'cash', 'check')),
  method_label TEXT NOT NULL,  -- "Visa •••• 4242"
  token TEXT,
  -- The request's idempotency key and what it asked for: a retry with the key gets this
  -- payment's answer; the key with another request is refused.
  idempotency_key TEXT NOT NULL UNIQUE,
  request_fingerprint TEXT NOT NULL,
  processor_reference TEXT,
  failure_reason TEXT,
  effective_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  balance_after_cents BIGINT,  -- the account's balance right after the payment posted
  ledger_entry_id INTEGER REFERENCES ledger_entries (id)
);
CREATE INDEX payments_by_account ON payments (account_id, id);
CREATE INDEX payments_by_status ON payments (status, id);

INSERT INTO sequences (name, next_value) VALUES ('payment_confirmation', 1)
  ON CONFLICT (name) DO NOTHING;
