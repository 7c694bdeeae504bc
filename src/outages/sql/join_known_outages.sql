-- Places every unplaced signal of lost power since :since whose point is dark in an open outage
-- into that outage (the newest, should there be two).
UPDATE outage_signals SET outage_id = (
    SELECT op.outage_id FROM outage_points op JOIN outages o ON o.id = op.outage_id
    WHERE op.service_point_id = outage_signals.service_point_id
      AND op.restored_at IS NULL AND op.moved_to IS NULL
      AND o.status NOT IN ('restored', 'merged', 'cancelled')
    ORDER BY o.id DESC LIMIT 1)
WHERE outage_id IS NULL AND received_at >= :since
  AND (kind = 'last_gasp' OR (kind = 'report' AND report_kind <> 'flicker'))
  AND EXISTS (
    SELECT 1 FROM outage_points op JOIN outages o ON o.id = op.outage_id
    WHERE op.service_point_id = outage_signals.service_point_id
      AND op.restored_at IS NULL AND op.moved_to IS NULL
      AND o.status NOT IN ('restored', 'merged', 'cancelled'))
