-- The outage premise :premise was most recently restored in since :since, and when.
SELECT o.id, o.status, o.cause, o.device_kind, o.device_id, o.planned, o.began_at, o.etr,
       o.etr_by, o.crew, o.public_note, o.customers_out, o.customers_total, o.updated_at,
       o.restored_at, o.device_name, op.restored_at AS point_restored_at
FROM outage_points op
JOIN service_points sp ON sp.id = op.service_point_id
JOIN outage_rows o ON o.id = op.outage_id
WHERE sp.premise_id = :premise AND op.restored_at >= :since
ORDER BY op.restored_at DESC
LIMIT 1
