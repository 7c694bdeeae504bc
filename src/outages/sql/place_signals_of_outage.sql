-- Places the unplaced signals of lost power since :since from the points outage :outage leaves
-- dark into it.
UPDATE outage_signals SET outage_id = :outage
WHERE outage_id IS NULL AND received_at >= :since
  AND (kind = 'last_gasp' OR (kind = 'report' AND report_kind <> 'flicker'))
  AND service_point_id IN (
    SELECT service_point_id FROM outage_points
    WHERE outage_id = :outage_again AND restored_at IS NULL AND moved_to IS NULL)
