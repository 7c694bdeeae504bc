-- Orders a head-end can do with no visit (connect or disconnect, not yet sent), oldest first, with
-- the account's AMI meters still in place on the services the order is for, one row per meter.
SELECT o.id, a.number AS account_number, o.kind, m.serial
FROM service_orders o
JOIN accounts a ON a.id = o.account_id
LEFT JOIN service_agreements sa ON sa.account_id = o.account_id AND sa.end_date IS NULL
LEFT JOIN service_points sp ON sp.id = sa.service_point_id
  AND (o.service_point_commodity IS NULL OR sp.commodity = o.service_point_commodity)
LEFT JOIN meters m ON m.service_point_id = sp.id AND m.removed_on IS NULL AND m.kind = 'ami'
WHERE o.kind IN ('disconnect', 'reconnect') AND o.needs_visit = 0
  AND o.status IN ('received', 'scheduled')
  AND NOT EXISTS (SELECT 1 FROM head_end_commands c WHERE c.order_id = o.id)
ORDER BY o.id, m.serial
LIMIT :limit
