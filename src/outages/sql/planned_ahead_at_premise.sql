-- The planned outage premise :premise is listed in that has not begun by :now.
SELECT o.id, o.status, o.cause, o.device_kind, o.device_id, o.planned, o.began_at, o.etr,
       o.etr_by, o.crew, o.public_note, o.customers_out, o.customers_total, o.updated_at,
       o.restored_at, o.device_name
FROM outage_points op
JOIN service_points sp ON sp.id = op.service_point_id
JOIN outage_rows o ON o.id = op.outage_id
WHERE sp.premise_id = :premise AND o.planned = 1 AND op.out_since > :now
  AND op.restored_at IS NULL AND op.moved_to IS NULL
  AND o.status NOT IN ('restored', 'merged', 'cancelled')
ORDER BY o.began_at
LIMIT 1
