-- Takes the order's row for the rest of the transaction, so that two photos added at once count
-- each other against the order's most (PostgreSQL; SQLite has one writer). Changes nothing; 0 rows
-- when there is no such order.
UPDATE service_orders SET id = id WHERE id = :order
