-- Applications for service and transfers (orders/applications.h): where service starts (the
-- premise) and, per service point, the rate plan the customer chose; what identity the
-- applicant gave (never a full SSN: its last four digits at most).
ALTER TABLE service_orders ADD COLUMN premise_id BIGINT REFERENCES premises (id);
CREATE TABLE service_order_services (
  order_id BIGINT NOT NULL REFERENCES service_orders (id),
  service_point_id BIGINT NOT NULL REFERENCES service_points (id),
  rate_plan_id BIGINT NOT NULL REFERENCES rate_plans (id),
  PRIMARY KEY (order_id, service_point_id)
);
-- A public application has no account to scope its key by: it is looked up by key alone.
CREATE INDEX service_orders_by_key ON service_orders (idempotency_key);
ALTER TABLE persons ADD COLUMN birth_date TEXT;
ALTER TABLE persons ADD COLUMN id_last4 TEXT CHECK (id_last4 IS NULL OR length(id_last4) = 4);
CREATE INDEX premises_by_line1 ON premises (lower(line1));
