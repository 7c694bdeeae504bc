-- What service orders carry for the account's lifecycle and what completing one did
-- (orders/order_results.h), and a service point's connection (disconnect and reconnect orders).

ALTER TABLE service_orders ADD COLUMN service_point_commodity TEXT;  -- which service, when named
ALTER TABLE service_orders ADD COLUMN service_date TEXT;  -- start/stop: first or last day of service
ALTER TABLE service_orders ADD COLUMN forwarding_address TEXT;  -- stop: line1..zip, one per line
ALTER TABLE service_orders ADD COLUMN results TEXT;  -- JSON: the reads taken and what was done
ALTER TABLE service_orders ADD COLUMN final_bill_id BIGINT REFERENCES bills (id);

-- A move sent again with the same key (a field page resending a queued completion) is done once.
ALTER TABLE service_order_moves ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX service_order_moves_once ON service_order_moves (order_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

ALTER TABLE service_points ADD COLUMN connection TEXT NOT NULL DEFAULT 'connected'
  CHECK (connection IN ('connected', 'disconnected'));

DROP VIEW service_order_rows;
CREATE VIEW service_order_rows AS
SELECT o.id, o.account_id, a.number AS account_number, o.kind, o.status, o.needs_visit, o.details,
       o.window_start, o.window_end, o.crew, o.failure_reason, o.external_id, o.requested_by,
       o.requested_at, o.service_point_commodity, o.service_date, o.forwarding_address, o.results,
       o.final_bill_id
FROM service_orders o JOIN accounts a ON a.id = o.account_id;
