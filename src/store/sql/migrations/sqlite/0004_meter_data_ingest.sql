-- Meter data ingest: the content key, what makes a resumed ingest queue each exception once, the
-- number of dial digits of register channels (rollover), and the link from an exception to the
-- register read it is about.

-- The content key of an ingest is a BLAKE2b-256 hash (hex): as strong for this purpose as SHA-256
-- and several times faster over a gigabyte of reads.
ALTER TABLE ingests RENAME COLUMN content_sha256 TO content_hash;

-- One exception per channel, day, first slot and rule, whatever its status: a finding staff
-- already accepted is not raised again when the same reads are sent again.
CREATE UNIQUE INDEX vee_exceptions_once ON vee_exceptions (channel_id, utc_day, first_slot, rule);
DROP INDEX vee_exceptions_by_channel;


-- Whole-unit digits of a register channel's dial (a 5-digit dial wraps at 100,000 units).
ALTER TABLE meter_channels ADD COLUMN dial_digits INTEGER CHECK (dial_digits BETWEEN 1 AND 12);

-- register_reads again, with milli_units declared BIGINT (a column declared INTEGER is read
-- through a 32-bit int: 9,999,900 gallons would come back wrong), what the customer was told about
-- a read they submitted, and the ingest a read came from.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE register_reads_wide (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES meter_channels (id),
  taken_at TEXT NOT NULL,
  milli_units BIGINT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('amr', 'manual', 'customer', 'estimated')),
  status TEXT NOT NULL CHECK (status IN ('accepted', 'held', 'rejected')),
  created_at TEXT NOT NULL,
  message TEXT,
  ingest_id INTEGER REFERENCES ingests (id),
  UNIQUE (channel_id, taken_at)
);
INSERT INTO register_reads_wide (id, channel_id, taken_at, milli_units, source, status, created_at)
SELECT id, channel_id, taken_at, milli_units, source, status, created_at FROM register_reads;
DROP TABLE register_reads;
ALTER TABLE register_reads_wide RENAME TO register_reads;
CREATE INDEX register_reads_by_status ON register_reads (status, id);

ALTER TABLE vee_exceptions ADD COLUMN register_read_id INTEGER REFERENCES register_reads (id);
ALTER TABLE vee_exceptions ADD COLUMN ingest_id INTEGER REFERENCES ingests (id);
