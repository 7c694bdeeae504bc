SELECT action, from_status, to_status, note, actor, at FROM service_order_moves
WHERE order_id = :order ORDER BY id
