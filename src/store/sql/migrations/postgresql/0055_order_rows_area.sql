-- An order as lists show it, now with the area its work is in (the dispatcher's board groups and
-- filters by it): the ZIP code (first five digits) and city of the order's premise: the one it
-- starts service at, else that of the account's newest service of its commodity (an open one
-- first), else of any service. NULL when the account has no premise yet.
DROP VIEW service_order_rows;
CREATE VIEW service_order_rows AS
SELECT o.id, o.account_id, a.number AS account_number, a.status AS account_status, o.kind,
       o.status, o.needs_visit, o.details, o.window_start, o.window_end, o.crew, o.failure_reason,
       o.external_id, o.requested_by, o.requested_at, o.service_point_commodity, o.service_date,
       o.forwarding_address, o.results, o.final_bill_id, b.number AS final_bill_number,
       substr(p.zip, 1, 5) AS area_zip, p.city AS area_city
FROM service_orders o JOIN accounts a ON a.id = o.account_id
LEFT JOIN bills b ON b.id = o.final_bill_id
LEFT JOIN premises p ON p.id = COALESCE(o.premise_id, (
    SELECT sp.premise_id FROM service_agreements sa
    JOIN service_points sp ON sp.id = sa.service_point_id
    WHERE sa.account_id = o.account_id
      AND (o.service_point_commodity IS NULL OR sp.commodity = o.service_point_commodity)
    ORDER BY sa.end_date IS NULL DESC, sa.id DESC LIMIT 1));
