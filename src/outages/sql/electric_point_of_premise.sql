-- The premise's electric service point (the newest, should it have had several).
SELECT id FROM service_points WHERE premise_id = :premise AND commodity = 'electric'
ORDER BY id DESC LIMIT 1
