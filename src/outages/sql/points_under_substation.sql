-- The service points under substation :device.
SELECT sp.id FROM service_points sp JOIN transformers t ON t.id = sp.transformer_id
JOIN feeders f ON f.id = t.feeder_id
WHERE f.substation_id = :device ORDER BY sp.id
