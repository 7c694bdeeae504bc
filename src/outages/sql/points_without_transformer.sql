-- Electric service points not yet on a transformer, with their premise's address.
SELECT sp.id AS service_point_id, p.id AS premise_id, p.line1, p.city, p.zip
FROM service_points sp JOIN premises p ON p.id = sp.premise_id
WHERE sp.commodity = 'electric' AND sp.transformer_id IS NULL
ORDER BY sp.id
