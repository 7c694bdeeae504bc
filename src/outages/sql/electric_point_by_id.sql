SELECT id FROM service_points WHERE id = :id AND commodity = 'electric'
