UPDATE service_orders SET needs_visit = :needs_visit WHERE id = :id
