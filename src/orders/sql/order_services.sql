-- The services an application or transfer starts: each point with its chosen plan and meter.
SELECT s.service_point_id, sp.commodity, s.rate_plan_id, rp.code AS rate_plan_code,
       (SELECT m.kind FROM meters m WHERE m.service_point_id = sp.id AND m.removed_on IS NULL
        ORDER BY m.id DESC LIMIT 1) AS meter_kind
FROM service_order_services s
JOIN service_points sp ON sp.id = s.service_point_id
JOIN rate_plans rp ON rp.id = s.rate_plan_id
WHERE s.order_id = :order
ORDER BY sp.commodity
