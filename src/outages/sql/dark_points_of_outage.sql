-- The points outage :outage still leaves out, with their transformer and feeder, and the serial
-- of the AMI meter in place on each (null: none to ping).
SELECT op.service_point_id, sp.transformer_id, t.feeder_id,
       (SELECT MIN(m.serial) FROM meters m
        WHERE m.service_point_id = sp.id AND m.kind = 'ami' AND m.removed_on IS NULL) AS ami_meter
FROM outage_points op JOIN service_points sp ON sp.id = op.service_point_id
LEFT JOIN transformers t ON t.id = sp.transformer_id
WHERE op.outage_id = :outage AND op.restored_at IS NULL AND op.moved_to IS NULL
ORDER BY op.service_point_id
