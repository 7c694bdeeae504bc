-- The service points on transformer :device.
SELECT id FROM service_points WHERE transformer_id = :device ORDER BY id
