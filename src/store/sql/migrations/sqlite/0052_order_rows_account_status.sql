-- An order as lists show it, with its account's status (the applications queue tells an
-- application waiting for activation from one already active) and its final bill's number.
DROP VIEW service_order_rows;
CREATE VIEW service_order_rows AS
SELECT o.id, o.account_id, a.number AS account_number, a.status AS account_status, o.kind,
       o.status, o.needs_visit, o.details, o.window_start, o.window_end, o.crew, o.failure_reason,
       o.external_id, o.requested_by, o.requested_at, o.service_point_commodity, o.service_date,
       o.forwarding_address, o.results, o.final_bill_id, b.number AS final_bill_number
FROM service_orders o JOIN accounts a ON a.id = o.account_id
LEFT JOIN bills b ON b.id = o.final_bill_id;
