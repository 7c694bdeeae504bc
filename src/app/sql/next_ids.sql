-- The next free id of every table the generator fills (it writes explicit ids in bulk).
SELECT (SELECT COALESCE(MAX(id), 0) FROM persons),
       (SELECT COALESCE(MAX(id), 0) FROM premises),
       (SELECT COALESCE(MAX(id), 0) FROM service_points),
       (SELECT COALESCE(MAX(id), 0) FROM meters),
       (SELECT COALESCE(MAX(id), 0) FROM meter_channels),
       (SELECT COALESCE(MAX(id), 0) FROM accounts),
       (SELECT COALESCE(MAX(id), 0) FROM service_agreements),
       (SELECT COALESCE(MAX(id), 0) FROM ledger_entries),
       (SELECT COALESCE(MAX(id), 0) FROM account_events)
