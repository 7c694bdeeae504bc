-- Budget (levelized) billing: an account's plan, and what each of its bills asked for in place of
-- the actual charges. ledger/budget_billing.h states the rules; docs/billing.md the tables.

-- One active plan per account at most. The installment and the review count change as bills are
-- drafted; the deferred balance is not kept here but on each bill (bills.budget_deferred_cents).
CREATE TABLE budget_plans (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
  installment_cents BIGINT NOT NULL,
  true_up_month INTEGER NOT NULL CHECK (true_up_month BETWEEN 1 AND 12),
  bills_since_review INTEGER NOT NULL DEFAULT 0,
  enrolled_on TEXT NOT NULL,
  enrolled_by TEXT NOT NULL,
  ended_on TEXT
);
CREATE UNIQUE INDEX budget_plans_active ON budget_plans (account_id) WHERE status = 'active';

-- A bill on budget billing: what it asked for (NULL: not on budget billing) and the deferred
-- balance after it. Its amount due is previous_balance + charges - budget_deferred_cents.
ALTER TABLE bills ADD COLUMN budget_asked_cents BIGINT;
ALTER TABLE bills ADD COLUMN budget_deferred_cents BIGINT NOT NULL DEFAULT 0;
