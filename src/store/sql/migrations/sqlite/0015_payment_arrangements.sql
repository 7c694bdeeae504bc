-- Payment arrangements (ledger/arrangements.h): a past-due balance spread over a down payment
-- and installments carried on the next bills. One in force per account.
CREATE TABLE payment_arrangements (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'broken')),
  past_due_cents BIGINT NOT NULL CHECK (past_due_cents > 0),
  down_payment_cents BIGINT NOT NULL,
  installment_count BIGINT NOT NULL CHECK (installment_count BETWEEN 2 AND 12),
  installment_cents BIGINT NOT NULL,
  last_installment_cents BIGINT NOT NULL,
  installments_billed BIGINT NOT NULL DEFAULT 0,
  down_payment_due_on TEXT NOT NULL,
  down_payment_kept INTEGER NOT NULL DEFAULT 0 CHECK (down_payment_kept IN (0, 1)),
  created_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  ended_on TEXT,
  end_reason TEXT
);
CREATE UNIQUE INDEX payment_arrangements_one_active ON payment_arrangements (account_id)
  WHERE status = 'active';
CREATE INDEX payment_arrangements_by_status ON payment_arrangements (status, id);

-- What a bill carries of an arrangement: the installment it asks for and the arranged balance
-- still deferred after it (not owed yet). amount due = previous balance + charges - budget
-- deferred - arrangement deferred.
ALTER TABLE bills ADD COLUMN arrangement_id INTEGER REFERENCES payment_arrangements (id);
ALTER TABLE bills ADD COLUMN arrangement_installment_cents BIGINT;
ALTER TABLE bills ADD COLUMN arrangement_deferred_cents BIGINT NOT NULL DEFAULT 0;
-- Installments checked after their due date (the breaking rule looks at each once).
ALTER TABLE bills ADD COLUMN arrangement_checked INTEGER NOT NULL DEFAULT 0;
