-- Outage :outage's points with their premises, whether each is still dark, and the outage a
-- still-dark point moved to.
SELECT op.service_point_id, sp.premise_id, p.line1, p.city,
       CASE WHEN op.restored_at IS NULL AND op.moved_to IS NULL THEN 1 ELSE 0 END AS dark,
       op.restored_at, op.moved_to
FROM outage_points op
JOIN service_points sp ON sp.id = op.service_point_id
JOIN premises p ON p.id = sp.premise_id
WHERE op.outage_id = :outage
ORDER BY p.line1, op.service_point_id
LIMIT :limit
