-- High-usage and leak alerts (notify/usage_alerts.h): each customer's own thresholds, the alerts
-- raised from them (once per threshold per bill period), and the possible leaks found on water and
-- gas meters, which the customer sees on Home and the staff work through as a queue.

-- A customer's thresholds: at most one per basis. 'amount': the period's bill reaching
-- amount_cents; 'last_bill' / 'last_year': the period's charges per day `percent` above the last
-- bill's, or the bill's of the same time last year. A changed threshold is a new row (a new id),
-- so it may alert again in the same period.
CREATE TABLE usage_thresholds (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  basis TEXT NOT NULL CHECK (basis IN ('amount', 'last_bill', 'last_year')),
  amount_cents INTEGER,
  percent INTEGER,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  UNIQUE (account_id, basis),
  CHECK ((basis = 'amount' AND amount_cents > 0 AND percent IS NULL) OR
         (basis <> 'amount' AND percent > 0 AND amount_cents IS NULL))
);

-- Every high-usage alert raised: once per threshold per period.
CREATE TABLE usage_alerts (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  threshold_id INTEGER NOT NULL,       -- not a reference: a changed threshold's row is replaced
  basis TEXT NOT NULL,
  period_start TEXT NOT NULL,
  found_on TEXT NOT NULL,
  so_far_cents INTEGER NOT NULL,
  projected_cents INTEGER NOT NULL,
  estimated INTEGER NOT NULL CHECK (estimated IN (0, 1)),
  event_id INTEGER REFERENCES account_events (id),
  UNIQUE (threshold_id, period_start)
);
CREATE INDEX usage_alerts_by_account ON usage_alerts (account_id, id);

-- Possible leaks: 'continuous_flow' (an interval meter that never stopped for a whole day),
-- 'burst' (a day's use far above the usual), 'high_read' (a register read implying a daily use
-- far above the usual). Open until the customer or staff close it; one open per service point.
CREATE TABLE leak_alerts (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  service_point_id INTEGER NOT NULL REFERENCES service_points (id),
  commodity TEXT NOT NULL,
  meter TEXT NOT NULL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('continuous_flow', 'burst', 'high_read')),
  found_on TEXT NOT NULL,              -- the local day judged (a register read's date)
  least_per_hour_milli INTEGER,        -- continuous_flow: the least flow in any interval
  use_per_day_milli INTEGER NOT NULL,  -- the day's use, or the read's use per day
  usual_per_day_milli INTEGER,
  event_id INTEGER REFERENCES account_events (id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_by TEXT,
  closed_at TEXT,
  resolution TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (service_point_id, kind, found_on)
);
CREATE UNIQUE INDEX leak_alerts_one_open ON leak_alerts (service_point_id) WHERE status = 'open';
CREATE INDEX leak_alerts_by_status ON leak_alerts (status, id);
CREATE INDEX leak_alerts_by_account ON leak_alerts (account_id, id);

INSERT INTO notice_kinds (kind, event_kind, position, audience, email_default, text_default,
                          may_turn_off, quiet_hours_exempt, facts_query, facts_key) VALUES
  ('usage.high', 'usage.high', 80, 'account', 1, 1, 1, 0, '', ''),
  ('leak.suspected', 'leak.suspected', 81, 'account', 1, 1, 1, 0, '', '');
