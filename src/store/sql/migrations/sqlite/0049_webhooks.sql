-- Outbound webhooks (orders/webhooks.h): a work-management system's endpoints, and each event
-- delivered to each, signed, retried until taken, with its delivery id for the receiver to
-- deduplicate on.
CREATE TABLE webhook_endpoints (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,        -- the shared signing secret, given to the caller once
  event_prefix TEXT NOT NULL,  -- the account events sent: those whose kind starts with it
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  endpoint_id INTEGER NOT NULL REFERENCES webhook_endpoints (id),
  event_id INTEGER NOT NULL REFERENCES account_events (id),
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  delivered_at TEXT,
  failed_at TEXT,  -- given up after the last attempt
  last_error TEXT NOT NULL DEFAULT '',
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id)
  WHERE delivered_at IS NULL AND failed_at IS NULL;
