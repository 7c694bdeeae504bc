-- The next free id of every table the generator fills (it writes explicit ids in bulk).
SELECT (SELECT COALESCE(MAX(id), 0) FROM persons) AS last_person_id,
       (SELECT COALESCE(MAX(id), 0) FROM premises) AS last_premise_id,
       (SELECT COALESCE(MAX(id), 0) FROM service_points) AS last_service_point_id,
       (SELECT COALESCE(MAX(id), 0) FROM meters) AS last_meter_id,
       (SELECT COALESCE(MAX(id), 0) FROM meter_channels) AS last_channel_id,
       (SELECT COALESCE(MAX(id), 0) FROM accounts) AS last_account_id,
       (SELECT COALESCE(MAX(id), 0) FROM service_agreements) AS last_agreement_id,
       (SELECT COALESCE(MAX(id), 0) FROM ledger_entries) AS last_ledger_entry_id,
       (SELECT COALESCE(MAX(id), 0) FROM account_events) AS last_event_id
