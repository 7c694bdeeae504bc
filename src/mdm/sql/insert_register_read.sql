INSERT INTO register_reads
  (channel_id, taken_at, milli_units, source, status, created_at, message, ingest_id)
VALUES (:channel_id, :taken_at, :milli_units, :source, :status, :created_at, :message, :ingest_id)
RETURNING id
