-- Moving a misapplied payment to the right account (payments/payment_moves.h): the payment
-- becomes 'moved' and links to the new payment that carries it; the new one links back. SQLite
-- cannot change a CHECK in place, so the table is rebuilt with the same rows and indexes.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE payments_moved (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  confirmation TEXT NOT NULL UNIQUE,  -- what the customer is told: "P00000017"
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  status TEXT NOT NULL CHECK (status IN ('pending', 'posted', 'failed', 'returned', 'refunded',
                                         'voided', 'moved')),
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
  ledger_entry_id INTEGER REFERENCES ledger_entries (id),
  taken_by TEXT,
  check_number TEXT,
  ach_file_id INTEGER REFERENCES ach_files (id),
  ach_trace_number TEXT,
  return_code TEXT,
  returned_at TEXT,
  voided_at TEXT,
  void_reason TEXT,
  moved_from_payment_id INTEGER REFERENCES payments_moved (id),  -- the payment this one carries
  moved_to_payment_id INTEGER REFERENCES payments_moved (id),    -- a moved payment's carrier
  moved_at TEXT,
  move_reason TEXT
);
INSERT INTO payments_moved (id, account_id, confirmation, amount_cents, status, channel, method,
                            method_label, token, idempotency_key, request_fingerprint,
                            processor_reference, failure_reason, effective_on, created_at,
                            updated_at, balance_after_cents, ledger_entry_id, taken_by,
                            check_number, ach_file_id, ach_trace_number, return_code, returned_at,
                            voided_at, void_reason)
SELECT id, account_id, confirmation, amount_cents, status, channel, method, method_label, token,
       idempotency_key, request_fingerprint, processor_reference, failure_reason, effective_on,
       created_at, updated_at, balance_after_cents, ledger_entry_id, taken_by, check_number,
       ach_file_id, ach_trace_number, return_code, returned_at, voided_at, void_reason
FROM payments;
DROP TABLE payments;
ALTER TABLE payments_moved RENAME TO payments;
CREATE INDEX payments_by_account ON payments (account_id, id);
CREATE INDEX payments_by_status ON payments (status, id);
CREATE INDEX payments_by_taker ON payments (taken_by, effective_on);
CREATE UNIQUE INDEX payments_by_trace ON payments (ach_trace_number)
  WHERE ach_trace_number IS NOT NULL;
CREATE INDEX payments_to_send ON payments (method, ach_file_id, status);
