-- Meter data ingest: what makes a resumed ingest write each reject and each exception once, the
-- number of dial digits of register channels (rollover), and the link from an exception to the
-- register read it is about.

CREATE UNIQUE INDEX read_rejects_once ON read_rejects (ingest_id, line);
DROP INDEX read_rejects_by_ingest;

-- One exception per channel, day, first slot and rule, whatever its status: a finding staff
-- already accepted is not raised again when the same reads are sent again.
CREATE UNIQUE INDEX vee_exceptions_once ON vee_exceptions (channel_id, utc_day, first_slot, rule);
DROP INDEX vee_exceptions_by_channel;

ALTER TABLE vee_exceptions ADD COLUMN register_read_id INTEGER REFERENCES register_reads (id);
ALTER TABLE vee_exceptions ADD COLUMN ingest_id INTEGER REFERENCES ingests (id);

-- Whole-unit digits of a register channel's dial (a 5-digit dial wraps at 100,000 units).
ALTER TABLE meter_channels ADD COLUMN dial_digits INTEGER CHECK (dial_digits BETWEEN 1 AND 12);

-- What the customer was told about a read they submitted, and the ingest a read came from.
ALTER TABLE register_reads ADD COLUMN message TEXT;
ALTER TABLE register_reads ADD COLUMN ingest_id INTEGER REFERENCES ingests (id);
CREATE INDEX register_reads_by_status ON register_reads (status, id);
