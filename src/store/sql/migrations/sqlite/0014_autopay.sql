-- Payments that run by themselves (payments/payment_schedule.h): one-time payments a customer
-- scheduled for a later day, and autopay, which pays each bill N days before it is due.
CREATE TABLE scheduled_payments (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  pay_on TEXT NOT NULL,  -- the utility's local day
  payment_method_id INTEGER NOT NULL REFERENCES payment_methods (id),
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'paid', 'failed', 'cancelled')),
  payment_id INTEGER REFERENCES payments (id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  cancelled_at TEXT
);
CREATE INDEX scheduled_payments_due ON scheduled_payments (status, pay_on);

-- One active enrolment per account; cancelling keeps the row.
CREATE TABLE autopay_enrolments (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  payment_method_id INTEGER NOT NULL REFERENCES payment_methods (id),
  days_before_due BIGINT NOT NULL CHECK (days_before_due BETWEEN 0 AND 20),
  enrolled_at TEXT NOT NULL,
  enrolled_by TEXT NOT NULL,
  cancelled_at TEXT
);
CREATE UNIQUE INDEX autopay_one_per_account ON autopay_enrolments (account_id)
  WHERE cancelled_at IS NULL;

-- Autopay's answer for each bill, once: the notice before (scheduled), then paid, skipped (nothing
-- owed) or failed, with the payment.
CREATE TABLE autopay_bills (
  bill_id INTEGER PRIMARY KEY REFERENCES bills (id),
  enrolment_id INTEGER NOT NULL REFERENCES autopay_enrolments (id),
  charge_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'paid', 'skipped', 'failed')),
  amount_cents BIGINT,
  payment_id INTEGER REFERENCES payments (id),
  reason TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE INDEX autopay_bills_due ON autopay_bills (status, charge_on);
