INSERT INTO service_order_moves (order_id, action, from_status, to_status, note, actor, at,
                                 idempotency_key)
VALUES (:order, :action, :from_status, :to_status, :note, :actor, :at, :key)
