-- A remote command that did not work: the order needs a field visit now.
UPDATE service_orders SET needs_visit = 1 WHERE id = :id
