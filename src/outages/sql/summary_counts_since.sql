-- The customers-out counts of every outage open at some time since :since, in time order, with
-- each outage's status and when it last changed (a final status ends its count).
SELECT c.outage_id, c.at, c.customers_out, o.status, o.updated_at
FROM outage_counts c
JOIN outages o ON o.id = c.outage_id
WHERE o.status NOT IN ('restored', 'merged', 'cancelled') OR o.updated_at >= :since
ORDER BY c.at, c.outage_id
