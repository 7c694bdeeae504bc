-- The points outage :outage still leaves out, with their transformer and feeder.
SELECT op.service_point_id, sp.transformer_id, t.feeder_id
FROM outage_points op JOIN service_points sp ON sp.id = op.service_point_id
LEFT JOIN transformers t ON t.id = sp.transformer_id
WHERE op.outage_id = :outage AND op.restored_at IS NULL AND op.moved_to IS NULL
ORDER BY op.service_point_id
