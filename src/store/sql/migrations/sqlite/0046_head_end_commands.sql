-- Remote connects and disconnects sent to the AMI head-end for service orders that need no visit
-- (orders/remote_orders.h): one command per order, claimed before it is sent (so two servers never
-- send it twice), pending until the head-end says how it went or its answer expires.
CREATE TABLE head_end_commands (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL UNIQUE REFERENCES service_orders (id),
  command TEXT NOT NULL CHECK (command IN ('connect', 'disconnect')),
  meter_serial TEXT NOT NULL,
  transaction_id TEXT,  -- the head-end's, once it took the command
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'expired')),
  reason TEXT NOT NULL DEFAULT '',
  sent_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,  -- the head-end's expiry (until it answers: a few minutes)
  finished_at TEXT
);
CREATE INDEX head_end_commands_pending ON head_end_commands (status, id);
