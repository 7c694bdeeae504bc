-- Stops and transfers needing no visit whose last day is over (before :today), oldest first: the
-- meters' data gives their final reads.
SELECT o.id, a.number AS account_number FROM service_orders o
JOIN accounts a ON a.id = o.account_id
WHERE o.kind IN ('stop_service', 'transfer') AND o.needs_visit = 0
  AND o.status IN ('received', 'scheduled') AND o.service_date < :today
ORDER BY o.id
LIMIT :limit
