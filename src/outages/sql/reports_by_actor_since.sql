-- How many outage reports :actor made since :since (a public caller's are limited an hour).
SELECT COUNT(*) AS made FROM outage_signals
WHERE actor = :actor AND kind = 'report' AND received_at >= :since
