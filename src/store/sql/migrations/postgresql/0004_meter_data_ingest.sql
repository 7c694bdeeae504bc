-- Meter data ingest: the content key, what makes a resumed ingest queue each exception once, the
-- number of dial digits of register channels (rollover), the link from an exception to the
-- register read it is about, and interval days partitioned by month.

-- The content key of an ingest is a BLAKE2b-256 hash (hex): as strong for this purpose as SHA-256
-- and several times faster over a gigabyte of reads.
ALTER TABLE ingests RENAME COLUMN content_sha256 TO content_hash;

-- One exception per channel, day, first slot and rule, whatever its status: a finding staff
-- already accepted is not raised again when the same reads are sent again.
CREATE UNIQUE INDEX vee_exceptions_once ON vee_exceptions (channel_id, utc_day, first_slot, rule);
DROP INDEX vee_exceptions_by_channel;

ALTER TABLE vee_exceptions ADD COLUMN register_read_id BIGINT REFERENCES register_reads (id);
ALTER TABLE vee_exceptions ADD COLUMN ingest_id BIGINT REFERENCES ingests (id);

-- Whole-unit digits of a register channel's dial (a 5-digit dial wraps at 100,000 units).
ALTER TABLE meter_channels ADD COLUMN dial_digits INTEGER CHECK (dial_digits BETWEEN 1 AND 12);

-- What the customer was told about a read they submitted, and the ingest a read came from.
ALTER TABLE register_reads ADD COLUMN message TEXT;
ALTER TABLE register_reads ADD COLUMN ingest_id BIGINT REFERENCES ingests (id);
CREATE INDEX register_reads_by_status ON register_reads (status, id);

-- Interval days partitioned by calendar month of utc_day (UTC), so a month's data can be
-- detached, archived or vacuumed on its own. Partitions are made when first needed: every writer
-- of interval days calls ensure_interval_days_partitions(first_day, last_day) in a short
-- transaction of its own before writing (mdm/interval_day_store.h), so a row outside every
-- partition is an error, never a silent catch-all.
ALTER TABLE interval_days RENAME TO interval_days_unpartitioned;
ALTER TABLE interval_days_unpartitioned RENAME CONSTRAINT interval_days_pkey
  TO interval_days_unpartitioned_pkey;
CREATE TABLE interval_days (
  channel_id BIGINT NOT NULL REFERENCES meter_channels (id),
  utc_day INTEGER NOT NULL,
  interval_minutes INTEGER NOT NULL CHECK (interval_minutes IN (5, 15, 30, 60)),
  vals TEXT NOT NULL,
  quality TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (channel_id, utc_day)
) PARTITION BY RANGE (utc_day);

-- Creates the missing monthly partitions covering days [first_day, last_day]; returns how many
-- it created. Serialised by an advisory lock so concurrent writers do not race.
CREATE FUNCTION ensure_interval_days_partitions(first_day INTEGER, last_day INTEGER)
RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
  month_start DATE := date_trunc('month', DATE '1970-01-01' + first_day)::DATE;
  month_end DATE;
  name TEXT;
  created INTEGER := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(7341002);
  WHILE month_start <= DATE '1970-01-01' + last_day LOOP
    month_end := (month_start + INTERVAL '1 month')::DATE;
    name := 'interval_days_' || to_char(month_start, 'YYYY_MM');
    IF to_regclass(name) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF interval_days FOR VALUES FROM (%s) TO (%s)',
                     name, month_start - DATE '1970-01-01', month_end - DATE '1970-01-01');
      created := created + 1;
    END IF;
    month_start := month_end;
  END LOOP;
  RETURN created;
END $$;

DO $$
DECLARE
  bounds RECORD;
BEGIN
  SELECT min(utc_day) AS first_day, max(utc_day) AS last_day INTO bounds
  FROM interval_days_unpartitioned;
  IF bounds.first_day IS NOT NULL THEN
    PERFORM ensure_interval_days_partitions(bounds.first_day, bounds.last_day);
  END IF;
END $$;
INSERT INTO interval_days SELECT * FROM interval_days_unpartitioned;
DROP TABLE interval_days_unpartitioned;
