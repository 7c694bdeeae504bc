-- The staff's leak queue: alerts of :status after id :after (oldest first), with the account.
SELECT l.id, a.number AS account_number, p.name AS customer, l.commodity, l.meter, l.unit,
       l.kind, l.found_on, l.least_per_hour_milli, l.use_per_day_milli, l.usual_per_day_milli,
       l.status, l.closed_by, l.closed_at, l.resolution, l.created_at
FROM leak_alerts l
JOIN accounts a ON a.id = l.account_id
JOIN persons p ON p.id = a.person_id
WHERE l.status = :status AND l.id > :after
ORDER BY l.id LIMIT :limit
