-- The outages that left a home of account :number dark while the account had service there,
-- began since :since, newest first, with the reports the account made to each.
SELECT o.id, o.status, o.cause, o.began_at, o.restored_at, p.line1, p.city,
       (SELECT COUNT(*) FROM outage_signals s
        WHERE s.outage_id = o.id AND s.account_id = a.id AND s.kind = 'report') AS reports
FROM accounts a
JOIN service_agreements sa ON sa.account_id = a.id
JOIN service_points sp ON sp.id = sa.service_point_id
JOIN premises p ON p.id = sp.premise_id
JOIN outage_points op ON op.service_point_id = sp.id
JOIN outages o ON o.id = op.outage_id
WHERE a.number = :number AND o.began_at >= :since AND o.status <> 'merged'
  AND substr(op.out_since, 1, 10) >= sa.start_date
  AND (sa.end_date IS NULL OR substr(op.out_since, 1, 10) <= sa.end_date)
ORDER BY o.began_at DESC, o.id DESC
LIMIT :limit
