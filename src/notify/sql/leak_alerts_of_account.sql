-- An account's leak alerts: the open ones and those closed since :since, newest first.
SELECT l.id, l.commodity, l.meter, l.unit, l.kind, l.found_on, l.least_per_hour_milli,
       l.use_per_day_milli, l.usual_per_day_milli, l.status, l.closed_by, l.closed_at,
       l.resolution, l.created_at
FROM leak_alerts l
WHERE l.account_id = :account AND (l.status = 'open' OR l.closed_at >= :since)
ORDER BY l.id DESC
