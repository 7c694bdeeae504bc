SELECT id FROM service_orders WHERE external_id = :external_id
