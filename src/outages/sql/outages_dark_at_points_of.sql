-- Open outages other than :outage with a point dark that outage :outage also lists: those a new,
-- larger outage takes in.
SELECT DISTINCT op.outage_id FROM outage_points op
JOIN outages o ON o.id = op.outage_id
JOIN outage_points mine ON mine.service_point_id = op.service_point_id AND mine.outage_id = :outage
WHERE op.restored_at IS NULL AND op.moved_to IS NULL AND op.outage_id <> :outage_again
  AND o.status NOT IN ('restored', 'merged', 'cancelled')
