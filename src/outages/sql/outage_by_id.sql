-- One outage.
SELECT id, status, cause, device_kind, device_id, planned, began_at, etr, etr_by, crew, public_note,
       customers_out, customers_total, updated_at, restored_at, device_name
FROM outage_rows WHERE id = :id
