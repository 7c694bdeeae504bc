-- Meter data: interval days (one row per channel per UTC day, packed arrays), their history,
-- register reads, ingested files, rejected lines and the VEE exception queue.

CREATE TABLE interval_days (
  channel_id INTEGER NOT NULL REFERENCES meter_channels (id),
  utc_day INTEGER NOT NULL,               -- days since 1970-01-01
  interval_minutes INTEGER NOT NULL CHECK (interval_minutes IN (5, 15, 30, 60)),
  vals TEXT NOT NULL,                     -- packed milli-unit values (mdm/interval_day.h)
  quality TEXT NOT NULL,                  -- one character per slot: 0 actual 1 estimated 2 edited 3 missing
  version INTEGER NOT NULL CHECK (version > 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (channel_id, utc_day)
) WITHOUT ROWID;

-- Every earlier version of an interval day, with who changed it, when and why.
CREATE TABLE interval_day_history (
  channel_id INTEGER NOT NULL,
  utc_day INTEGER NOT NULL,
  version INTEGER NOT NULL,
  vals TEXT NOT NULL,
  quality TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  replaced_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (channel_id, utc_day, version)
) WITHOUT ROWID;

CREATE TABLE register_reads (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES meter_channels (id),
  taken_at TEXT NOT NULL,
  milli_units INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('amr', 'manual', 'customer', 'estimated')),
  status TEXT NOT NULL CHECK (status IN ('accepted', 'held', 'rejected')),
  created_at TEXT NOT NULL,
  UNIQUE (channel_id, taken_at)
);

-- One row per ingested file or batch; the content hash makes a repeated ingest a no-op.
CREATE TABLE ingests (
  id INTEGER PRIMARY KEY,
  content_sha256 TEXT NOT NULL UNIQUE,
  source_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('csv', 'greenbutton', 'json', 'register_csv')),
  received_at TEXT NOT NULL,
  accepted INTEGER NOT NULL DEFAULT 0,
  estimated INTEGER NOT NULL DEFAULT 0,
  exceptions INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('running', 'done'))
);

CREATE TABLE read_rejects (
  id INTEGER PRIMARY KEY,
  ingest_id INTEGER NOT NULL REFERENCES ingests (id),
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX read_rejects_by_ingest ON read_rejects (ingest_id, line);

-- What VEE could not fix: the rule, the evidence, and what staff did about it.
CREATE TABLE vee_exceptions (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES meter_channels (id),
  utc_day INTEGER NOT NULL,
  first_slot INTEGER NOT NULL,
  last_slot INTEGER NOT NULL,
  rule TEXT NOT NULL,
  evidence TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'edited', 'estimated')),
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT,
  resolution_note TEXT
);
CREATE INDEX vee_exceptions_open ON vee_exceptions (status, id);
CREATE INDEX vee_exceptions_by_channel ON vee_exceptions (channel_id, utc_day);
