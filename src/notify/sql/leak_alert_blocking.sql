-- Whether a new leak alert on the service point would repeat one: an alert still open, or one
-- closed since :closed_since (the customer was told a week ago; a fixed leak may take a day to
-- show it stopped).
SELECT id FROM leak_alerts
WHERE service_point_id = :service_point AND (status = 'open' OR closed_at >= :closed_since)
LIMIT 1
