-- The transformers (and their feeders) under outage :outage's points, each with its points listed
-- and those still dark.
SELECT t.id, t.name, f.id AS feeder_id, f.name AS feeder_name, COUNT(*) AS total,
       SUM(CASE WHEN op.restored_at IS NULL AND op.moved_to IS NULL THEN 1 ELSE 0 END) AS dark
FROM outage_points op
JOIN service_points sp ON sp.id = op.service_point_id
JOIN transformers t ON t.id = sp.transformer_id
JOIN feeders f ON f.id = t.feeder_id
WHERE op.outage_id = :outage
GROUP BY t.id, t.name, f.id, f.name
ORDER BY f.name, t.name
