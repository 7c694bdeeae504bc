-- Outage alerts (docs/outages.md). A change customers should hear of (an outage detected, an
-- ETR set or moved enough, a crew on site, homes restored, planned work ahead) writes one
-- announcement in the change's transaction; the server's outage watch then fans it out, in
-- chunks of their own writes, into account events for every account with service at a home it
-- concerns and every account following that address (outage_subscriptions); the notices
-- pipeline turns those into emails and texts. fanned_through: the last account done.
CREATE TABLE outage_announcements (
  id INTEGER PRIMARY KEY,
  outage_id INTEGER NOT NULL REFERENCES outages (id),
  kind TEXT NOT NULL CHECK (kind IN ('detected', 'etr', 'crew_on_site', 'restored', 'planned')),
  restored_at TEXT,              -- restored: the homes restored by this move carry this instant
  actor TEXT NOT NULL,           -- who made the change
  created_at TEXT NOT NULL,
  fanned_through INTEGER NOT NULL DEFAULT 0,
  done_at TEXT
);
CREATE INDEX outage_announcements_waiting ON outage_announcements (id) WHERE done_at IS NULL;

-- Addresses an account follows for outage alerts (a parent's house), besides its own homes.
CREATE TABLE outage_subscriptions (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  premise_id INTEGER NOT NULL REFERENCES premises (id),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (account_id, premise_id)
);
CREATE INDEX outage_subscriptions_by_premise ON outage_subscriptions (premise_id);

-- Outage alerts are informational and time-critical: email and text by default (texts only to
-- a number the customer agreed to), each may be turned off, and they are sent whatever the hour
-- (an ETR held until morning is stale) except a planned outage's advance notice, which waits.
INSERT INTO notice_kinds (kind, event_kind, position, audience, email_default, text_default,
                          may_turn_off, quiet_hours_exempt, facts_query, facts_key) VALUES
  ('outage.report_received', 'outage.report_received', 110, 'account', 1, 1, 1, 1, '', ''),
  ('outage.detected', 'outage.detected', 111, 'account', 1, 1, 1, 1, '', ''),
  ('outage.etr', 'outage.etr', 112, 'account', 1, 1, 1, 1, '', ''),
  ('outage.crew_on_site', 'outage.crew_on_site', 113, 'account', 1, 1, 1, 1, '', ''),
  ('outage.restored', 'outage.restored', 114, 'account', 1, 1, 1, 1, '', ''),
  ('outage.planned', 'outage.planned', 115, 'account', 1, 1, 1, 0, '', '');
