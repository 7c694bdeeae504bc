-- The move of the order made before with this key (a resent move is done once).
SELECT action FROM service_order_moves WHERE order_id = :order AND idempotency_key = :key
