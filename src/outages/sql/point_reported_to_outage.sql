-- Whether service point :point has already reported outage :outage.
SELECT id FROM outage_signals
WHERE outage_id = :outage AND service_point_id = :point AND kind = 'report' AND duplicate = 0
LIMIT 1
