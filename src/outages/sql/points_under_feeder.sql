-- The service points on the transformers of feeder :device.
SELECT sp.id FROM service_points sp JOIN transformers t ON t.id = sp.transformer_id
WHERE t.feeder_id = :device ORDER BY sp.id
