-- Service orders (orders/orders.h): field work and the account's lifecycle requests, each moving
-- through the states of orders/order_rules.h; every move is kept here and as an account event.

CREATE TABLE service_orders (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  service_point_id INTEGER REFERENCES service_points (id),
  kind TEXT NOT NULL CHECK (kind IN ('start_service', 'stop_service', 'transfer',
                                     'new_connection', 'reconnect', 'disconnect', 'meter_reread',
                                     'meter_exchange', 'meter_install', 'meter_remove',
                                     'investigate', 'other')),
  status TEXT NOT NULL CHECK (status IN ('received', 'scheduled', 'dispatched', 'en_route',
                                         'on_site', 'awaiting_approval', 'completed', 'cancelled',
                                         'failed')),
  needs_visit INTEGER NOT NULL CHECK (needs_visit IN (0, 1)),
  details TEXT NOT NULL DEFAULT '',     -- what was asked, in the requester's words
  window_start TEXT,                    -- the appointment window (instants), when scheduled
  window_end TEXT,
  crew TEXT,
  failure_reason TEXT,
  external_id TEXT UNIQUE,              -- the work-management system's id, when it has one
  idempotency_key TEXT NOT NULL,        -- as scoped by the caller (core/idempotency_key.h)
  request_digest TEXT NOT NULL,         -- what was asked with that key: a replay must match
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (account_id, idempotency_key)
);
CREATE INDEX service_orders_by_account ON service_orders (account_id, id);
CREATE INDEX service_orders_open ON service_orders (status, window_start, id)
  WHERE status NOT IN ('completed', 'cancelled');

-- An order as lists show it: with its account's number.
CREATE VIEW service_order_rows AS
SELECT o.id, o.account_id, a.number AS account_number, o.kind, o.status, o.needs_visit, o.details,
       o.window_start, o.window_end, o.crew, o.failure_reason, o.external_id, o.requested_by,
       o.requested_at
FROM service_orders o JOIN accounts a ON a.id = o.account_id;

CREATE TABLE service_order_moves (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES service_orders (id),
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX service_order_moves_by_order ON service_order_moves (order_id, id);
