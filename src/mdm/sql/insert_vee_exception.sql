INSERT INTO vee_exceptions
  (channel_id, utc_day, first_slot, last_slot, rule, evidence, status, created_at, ingest_id,
   register_read_id)
VALUES (:channel_id, :utc_day, :first_slot, :last_slot, :rule, :evidence, 'open', :created_at,
        :ingest_id, :register_read_id)
ON CONFLICT (channel_id, utc_day, first_slot, rule) DO NOTHING
