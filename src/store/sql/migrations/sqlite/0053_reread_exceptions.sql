-- A held register read (a customer's reading VEE doubted) may be read again in the field: the
-- re-read order staff asked for (orders/rereads.h). Completing it with a reading sets the held
-- one aside and resolves the exception.
ALTER TABLE vee_exceptions ADD COLUMN reread_order_id INTEGER REFERENCES service_orders (id);
