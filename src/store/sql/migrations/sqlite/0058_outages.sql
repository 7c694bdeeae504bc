-- Outages (src/outages/outages.h). An outage is on a device of the electric network (a service
-- point, transformer, feeder or substation) and lists the service points it leaves dark, each
-- restored on its own (a partial restoration restores some). Signals say a point lost power: a
-- customer's report or a meter's last gasp; the prediction pass groups those not yet in an
-- outage. A point found still dark when its outage is restored moves to an outage of its own
-- (outage_points.moved_to). Every move is kept (outage_moves), and the count of customers out
-- after each change (outage_counts), so the storm summary can chart it.
CREATE TABLE outages (
  id INTEGER PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('reported', 'confirmed', 'crew_assigned', 'en_route',
                                          'on_site', 'restored', 'merged', 'cancelled')),
  cause TEXT NOT NULL DEFAULT 'unknown',
  -- 'area': water, gas or sewer points by streets or a polygon (outage_areas, migration 0060)
  device_kind TEXT NOT NULL CHECK (device_kind IN ('service_point', 'transformer', 'feeder',
                                                    'substation', 'area')),
  device_id INTEGER NOT NULL,
  planned INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1)),
  began_at TEXT NOT NULL,               -- the first signal, or a planned outage's start
  planned_end TEXT,                     -- a planned outage's announced end
  etr TEXT,                             -- estimated restoration, UTC
  etr_by TEXT,                          -- who set it: 'system:history' or the staff actor
  crew TEXT,
  public_note TEXT NOT NULL DEFAULT '' CHECK (length(public_note) <= 500),
  merged_into INTEGER REFERENCES outages (id),
  customers_out INTEGER NOT NULL DEFAULT 0,   -- its points not yet restored
  customers_total INTEGER NOT NULL DEFAULT 0, -- every point it has listed
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  restored_at TEXT
);
CREATE INDEX outages_open ON outages (status) WHERE status NOT IN ('restored', 'merged', 'cancelled');
CREATE INDEX outages_by_device ON outages (device_kind, device_id);

CREATE TABLE outage_points (
  outage_id INTEGER NOT NULL REFERENCES outages (id),
  service_point_id INTEGER NOT NULL REFERENCES service_points (id),
  out_since TEXT NOT NULL,
  restored_at TEXT,
  moved_to INTEGER REFERENCES outages (id),  -- still dark when this one was restored: its own outage
  PRIMARY KEY (outage_id, service_point_id)
);
CREATE INDEX outage_points_dark ON outage_points (service_point_id)
  WHERE restored_at IS NULL AND moved_to IS NULL;

CREATE TABLE outage_signals (
  id INTEGER PRIMARY KEY,
  service_point_id INTEGER NOT NULL REFERENCES service_points (id),
  kind TEXT NOT NULL CHECK (kind IN ('report', 'last_gasp', 'power_restored')),
  report_kind TEXT CHECK (report_kind IN ('out', 'flicker', 'partial', 'wires_down')),
  account_id INTEGER REFERENCES accounts (id),
  callback_phone TEXT,
  details TEXT NOT NULL DEFAULT '' CHECK (length(details) <= 1000),
  occurred_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  outage_id INTEGER REFERENCES outages (id),
  duplicate INTEGER NOT NULL DEFAULT 0 CHECK (duplicate IN (0, 1))  -- the point had reported it
);
CREATE INDEX outage_signals_unplaced ON outage_signals (received_at) WHERE outage_id IS NULL;
CREATE INDEX outage_signals_by_outage ON outage_signals (outage_id);
CREATE INDEX outage_signals_by_point ON outage_signals (service_point_id, received_at);
CREATE INDEX outage_signals_by_actor ON outage_signals (actor, received_at);
CREATE INDEX outage_signals_power_back ON outage_signals (received_at) WHERE kind = 'power_restored';

CREATE TABLE outage_moves (
  id INTEGER PRIMARY KEY,
  outage_id INTEGER NOT NULL REFERENCES outages (id),
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  etr TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX outage_moves_by_outage ON outage_moves (outage_id, id);

CREATE TABLE outage_counts (
  outage_id INTEGER NOT NULL REFERENCES outages (id),
  at TEXT NOT NULL,
  customers_out INTEGER NOT NULL
);
CREATE INDEX outage_counts_by_time ON outage_counts (at);

-- Meter events the head-end sent that name no meter we know: rejected, and kept to look at.
CREATE TABLE meter_event_rejects (
  id INTEGER PRIMARY KEY,
  meter_serial TEXT NOT NULL,
  kind TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  received_at TEXT NOT NULL,
  actor TEXT NOT NULL
);

-- An outage as lists show it, with its device's name as staff know it (a transformer's, feeder's
-- or substation's; a service point's premise's first address line: staff only).
CREATE VIEW outage_rows AS
SELECT o.id, o.status, o.cause, o.device_kind, o.device_id, o.planned, o.began_at, o.etr,
       o.etr_by, o.crew,
       o.public_note, o.customers_out, o.customers_total, o.updated_at, o.restored_at,
       COALESCE(t.name, f.name, s.name, p.line1, '') AS device_name
FROM outages o
LEFT JOIN transformers t ON o.device_kind = 'transformer' AND t.id = o.device_id
LEFT JOIN feeders f ON o.device_kind = 'feeder' AND f.id = o.device_id
LEFT JOIN substations s ON o.device_kind = 'substation' AND s.id = o.device_id
LEFT JOIN service_points sp ON o.device_kind = 'service_point' AND sp.id = o.device_id
LEFT JOIN premises p ON p.id = sp.premise_id;
