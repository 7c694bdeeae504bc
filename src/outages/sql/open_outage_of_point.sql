-- The open outage service point :point is dark in by :now (the newest, should there be two; a
-- planned outage only once it has begun).
SELECT o.id, o.status, o.cause, o.device_kind, o.device_id, o.planned, o.began_at, o.etr, o.etr_by, o.crew,
       o.public_note, o.customers_out, o.customers_total, o.updated_at, o.restored_at, o.device_name
FROM outage_points op JOIN outage_rows o ON o.id = op.outage_id
WHERE op.service_point_id = :point AND (o.planned = 0 OR op.out_since <= :now)
  AND op.restored_at IS NULL AND op.moved_to IS NULL
  AND o.status NOT IN ('restored', 'merged', 'cancelled')
ORDER BY o.id DESC LIMIT 1
