-- Reports and last gasps received since :since, by hour ("2026-12-07T14").
SELECT substr(received_at, 1, 13) AS hour,
       SUM(CASE WHEN kind = 'report' THEN 1 ELSE 0 END) AS reports,
       SUM(CASE WHEN kind = 'last_gasp' THEN 1 ELSE 0 END) AS last_gasps
FROM outage_signals
WHERE received_at >= :since
GROUP BY substr(received_at, 1, 13)
ORDER BY hour
