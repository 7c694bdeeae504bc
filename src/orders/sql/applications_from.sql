-- How many applications the caller made since :since (a public caller is throttled).
SELECT COUNT(*) AS made FROM service_orders
WHERE requested_by = :actor AND kind = 'start_service' AND requested_at >= :since
