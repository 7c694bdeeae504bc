-- The account of order :order.
SELECT account_id FROM service_orders WHERE id = :order
