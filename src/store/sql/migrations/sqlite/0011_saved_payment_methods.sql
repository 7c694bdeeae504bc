-- Payment methods a customer saved: the processor's token and what to show, never a number.
-- Removing one keeps its row (payments and autopay history name it).
CREATE TABLE payment_methods (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  token TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('card', 'bank')),
  label TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL,
  removed_at TEXT
);
CREATE INDEX payment_methods_by_account ON payment_methods (account_id, id);
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (account_id)
  WHERE is_default = 1 AND removed_at IS NULL;
