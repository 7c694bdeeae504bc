-- Signals of lost power not yet in an outage, received since :since (flickers never are).
SELECT id, service_point_id, occurred_at FROM outage_signals
WHERE outage_id IS NULL AND received_at >= :since
  AND (kind = 'last_gasp' OR (kind = 'report' AND report_kind <> 'flicker'))
ORDER BY id
