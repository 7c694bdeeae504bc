-- Whether any signal of lost power since :since is not yet in an outage.
SELECT id FROM outage_signals
WHERE outage_id IS NULL AND received_at >= :since
  AND (kind = 'last_gasp' OR (kind = 'report' AND report_kind <> 'flicker'))
LIMIT 1
