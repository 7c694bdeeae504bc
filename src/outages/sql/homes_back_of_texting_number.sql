-- The premises, with electric service now, of the accounts whose latest text consent is granted
-- at :number, that were restored from an outage since :since, with one such account each.
SELECT sp.premise_id, MIN(sa.account_id) AS account_id, MIN(p.line1) AS line1
FROM text_consents c
JOIN service_agreements sa ON sa.account_id = c.account_id AND sa.end_date IS NULL
JOIN service_points sp ON sp.id = sa.service_point_id AND sp.commodity = 'electric'
JOIN premises p ON p.id = sp.premise_id
WHERE c.number = :number AND c.granted = 1
  AND c.id = (SELECT MAX(l.id) FROM text_consents l WHERE l.account_id = c.account_id)
  AND EXISTS (SELECT 1 FROM outage_points op
              WHERE op.service_point_id = sp.id AND op.restored_at >= :since)
GROUP BY sp.premise_id
ORDER BY sp.premise_id
LIMIT 10
