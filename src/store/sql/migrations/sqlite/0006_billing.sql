-- Billing: tariffs on rate plans, bill runs, bills with a section per service agreement and their
-- lines, the bill hold queue and the problems a run met. docs/billing.md explains each table.

-- The plan's tariff in Ratepayer's tariff format (rating/tariff_format.h); NULL: not billable yet.
ALTER TABLE rate_plans ADD COLUMN tariff TEXT;

-- A run walks its cycle's accounts in id order.
CREATE INDEX accounts_by_cycle ON accounts (bill_cycle, id);

-- One run per cycle and read date. Progress is counted from bills and problems, not kept here.
CREATE TABLE bill_runs (
  id INTEGER PRIMARY KEY,
  cycle INTEGER NOT NULL CHECK (cycle BETWEEN 1 AND 20),
  read_date TEXT NOT NULL,
  bill_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done')),
  accounts BIGINT NOT NULL DEFAULT 0,  -- accounts of the cycle with service to bill
  started_at TEXT NOT NULL,
  started_by TEXT NOT NULL,
  finished_at TEXT,
  UNIQUE (cycle, read_date)
);

-- A bill is drafted 'held' (waiting for staff) or 'released'; only a released bill has a number
-- (gapless, from the 'bill_number' sequence) and a ledger entry. A cancelled bill keeps its row.
CREATE TABLE bills (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  bill_run_id INTEGER REFERENCES bill_runs (id),
  number BIGINT UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('held', 'released', 'cancelled')),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  bill_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  previous_balance_cents BIGINT NOT NULL DEFAULT 0,  -- the ledger balance before this bill posted
  charges_cents BIGINT NOT NULL,
  estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0, 1)),
  final INTEGER NOT NULL DEFAULT 0 CHECK (final IN (0, 1)),
  replaces_bill_id INTEGER REFERENCES bills (id),
  created_at TEXT NOT NULL,
  released_at TEXT,
  cancelled_at TEXT,
  cancel_reason TEXT,
  CHECK ((status = 'released') = (number IS NOT NULL AND cancelled_at IS NULL)
         OR status = 'cancelled')
);
CREATE UNIQUE INDEX bills_once_per_run ON bills (bill_run_id, account_id)
  WHERE status <> 'cancelled';
CREATE INDEX bills_by_run ON bills (bill_run_id, account_id);
CREATE INDEX bills_by_account ON bills (account_id, id);
CREATE INDEX bills_by_status ON bills (status, id);

-- One section per service agreement billed. An active section is what makes a bill run
-- idempotent: each (agreement, period start) is billed at most once until its bill is cancelled.
CREATE TABLE bill_sections (
  id INTEGER PRIMARY KEY,
  bill_id INTEGER NOT NULL REFERENCES bills (id),
  service_agreement_id INTEGER NOT NULL REFERENCES service_agreements (id),
  commodity TEXT NOT NULL,
  rate_plan_code TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,  -- the first day not billed
  meter_serial TEXT,
  unit TEXT NOT NULL,
  usage_milli BIGINT NOT NULL,
  peak_demand_milli BIGINT NOT NULL DEFAULT 0,  -- kW, from interval data
  start_read_milli BIGINT,  -- register meters: the dial reads billed between
  end_read_milli BIGINT,
  estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0, 1)),
  final INTEGER NOT NULL DEFAULT 0 CHECK (final IN (0, 1)),
  charges_cents BIGINT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX bill_sections_once ON bill_sections (service_agreement_id, period_start)
  WHERE active = 1;
CREATE INDEX bill_sections_by_bill ON bill_sections (bill_id);

-- Quantities and rates are exact decimal text; each amount was rounded once to the cent.
CREATE TABLE bill_lines (
  bill_section_id INTEGER NOT NULL REFERENCES bill_sections (id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  quantity TEXT NOT NULL,
  unit TEXT NOT NULL,
  rate TEXT NOT NULL,
  amount_cents BIGINT NOT NULL,
  PRIMARY KEY (bill_section_id, position)
) WITHOUT ROWID;

-- The bill hold queue: why a draft was held and what staff did about it.
CREATE TABLE bill_holds (
  id INTEGER PRIMARY KEY,
  bill_id INTEGER NOT NULL REFERENCES bills (id),
  service_agreement_id INTEGER REFERENCES service_agreements (id),
  reason TEXT NOT NULL,
  evidence TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'approved', 'recalculated', 'cancelled')),
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT,
  resolution_note TEXT
);
CREATE INDEX bill_holds_by_status ON bill_holds (status, id);
CREATE INDEX bill_holds_by_bill ON bill_holds (bill_id);

-- An account a run could not bill (no tariff, no reads to bill or estimate from), and why. The row
-- is replaced on each attempt and removed once the account is billed.
CREATE TABLE bill_run_problems (
  bill_run_id INTEGER NOT NULL REFERENCES bill_runs (id),
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  service_agreement_id INTEGER,
  problem TEXT NOT NULL,
  noted_at TEXT NOT NULL,
  PRIMARY KEY (bill_run_id, account_id)
);

INSERT INTO sequences (name, next_value) VALUES ('bill_number', 1) ON CONFLICT (name) DO NOTHING;
