-- Reports and last gasps since :since by the transformer of their service point, with the outage
-- they were placed in (none yet: unplaced first), at most :limit transformers.
SELECT t.id, t.name, f.name AS feeder,
       (SELECT COUNT(*) FROM service_points x WHERE x.transformer_id = t.id) AS points,
       SUM(CASE WHEN s.kind = 'report' THEN 1 ELSE 0 END) AS reports,
       SUM(CASE WHEN s.kind = 'last_gasp' THEN 1 ELSE 0 END) AS last_gasps,
       MAX(CASE WHEN s.outage_id IS NULL THEN 1 ELSE 0 END) AS unplaced,
       MAX(s.outage_id) AS outage_id
FROM outage_signals s
JOIN service_points sp ON sp.id = s.service_point_id
JOIN transformers t ON t.id = sp.transformer_id
JOIN feeders f ON f.id = t.feeder_id
WHERE s.received_at >= :since AND s.kind <> 'power_restored' AND s.duplicate = 0
GROUP BY t.id, t.name, f.name
ORDER BY unplaced DESC, COUNT(*) DESC, t.id
LIMIT :limit
