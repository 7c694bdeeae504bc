-- Outages that ended (restored, merged, cancelled) since :since, the newest first.
SELECT id, status, cause, device_kind, device_id, planned, began_at, etr, etr_by, crew, public_note,
       customers_out, customers_total, updated_at, restored_at, device_name
FROM outage_rows WHERE status IN ('restored', 'merged', 'cancelled') AND updated_at >= :since
ORDER BY id DESC
LIMIT :limit
