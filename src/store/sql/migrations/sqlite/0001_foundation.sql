-- The foundation schema: the utility, its customers, premises, service points, meters, accounts,
-- service agreements, the ledger and the account event log.
-- Conventions: ids are integers; money is integer cents; local dates are TEXT 'YYYY-MM-DD' in the
-- utility's zone; instants are TEXT 'YYYY-MM-DDTHH:MM:SSZ' in UTC (fixed width, so they sort).

CREATE TABLE utility_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Gapless counters (account numbers, later bill numbers): read and advanced inside the writing
-- transaction, so a rolled-back write gives its number back.
CREATE TABLE sequences (
  name TEXT PRIMARY KEY,
  next_value INTEGER NOT NULL CHECK (next_value > 0)
);

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email TEXT,
  phone TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE premises (
  id INTEGER PRIMARY KEY,
  line1 TEXT NOT NULL CHECK (length(line1) BETWEEN 1 AND 200),
  line2 TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  zip TEXT NOT NULL CHECK (length(zip) BETWEEN 5 AND 10),
  created_at TEXT NOT NULL
);
CREATE INDEX premises_by_zip ON premises (zip);

CREATE TABLE service_points (
  id INTEGER PRIMARY KEY,
  premise_id INTEGER NOT NULL REFERENCES premises (id),
  commodity TEXT NOT NULL CHECK (commodity IN ('electric', 'water', 'gas', 'sewer')),
  created_at TEXT NOT NULL
);
CREATE INDEX service_points_by_premise ON service_points (premise_id);

CREATE TABLE rate_plans (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  commodity TEXT NOT NULL CHECK (commodity IN ('electric', 'water', 'gas', 'sewer'))
);

CREATE TABLE meters (
  id INTEGER PRIMARY KEY,
  serial TEXT NOT NULL UNIQUE,
  service_point_id INTEGER REFERENCES service_points (id),
  kind TEXT NOT NULL CHECK (kind IN ('ami', 'amr', 'manual')),
  installed_on TEXT,
  removed_on TEXT,
  created_at TEXT NOT NULL,
  CHECK (removed_on IS NULL OR installed_on <= removed_on)
);
CREATE INDEX meters_by_service_point ON meters (service_point_id);

-- interval_minutes is NULL for a register channel (cumulative reads) and 5/15/30/60 for interval.
CREATE TABLE meter_channels (
  id INTEGER PRIMARY KEY,
  meter_id INTEGER NOT NULL REFERENCES meters (id),
  name TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('kWh', 'kW', 'gal', 'CCF', 'therm')),
  interval_minutes INTEGER CHECK (interval_minutes IN (5, 15, 30, 60)),
  UNIQUE (meter_id, name)
);

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE CHECK (length(number) = 9),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'closed')),
  bill_cycle INTEGER NOT NULL CHECK (bill_cycle BETWEEN 1 AND 20),
  mail_line1 TEXT NOT NULL,
  mail_line2 TEXT NOT NULL DEFAULT '',
  mail_city TEXT NOT NULL,
  mail_state TEXT NOT NULL,
  mail_zip TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('en', 'es')),
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX accounts_by_person ON accounts (person_id);

CREATE TABLE service_agreements (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  service_point_id INTEGER NOT NULL REFERENCES service_points (id),
  rate_plan_id INTEGER NOT NULL REFERENCES rate_plans (id),
  start_date TEXT NOT NULL,
  end_date TEXT,
  created_at TEXT NOT NULL,
  CHECK (end_date IS NULL OR start_date <= end_date)
);
CREATE INDEX service_agreements_by_account ON service_agreements (account_id);
CREATE INDEX service_agreements_by_service_point ON service_agreements (service_point_id);

-- The one ledger every capability writes to. Append-only: balance = SUM(amount_cents).
-- Positive amounts are owed by the customer (charges), negative ones reduce what is owed.
CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL CHECK (kind IN ('opening_balance', 'bill', 'payment', 'adjustment',
                                     'late_fee', 'reversal', 'refund', 'deposit', 'transfer')),
  amount_cents INTEGER NOT NULL,
  effective_on TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  memo TEXT NOT NULL DEFAULT '',
  reverses_entry_id INTEGER REFERENCES ledger_entries (id)
);
CREATE INDEX ledger_entries_by_account ON ledger_entries (account_id, id);

-- Every change to an account is recorded here in the same transaction as the change.
CREATE TABLE account_events (
  id INTEGER PRIMARY KEY,
  account_id INTEGER REFERENCES accounts (id),
  kind TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  summary TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX account_events_by_account ON account_events (account_id, id);

CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: post a reversing entry instead'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: post a reversing entry instead'); END;
CREATE TRIGGER account_events_no_update BEFORE UPDATE ON account_events
BEGIN SELECT RAISE(ABORT, 'account events are append-only'); END;
CREATE TRIGGER account_events_no_delete BEFORE DELETE ON account_events
BEGIN SELECT RAISE(ABORT, 'account events are append-only'); END;
