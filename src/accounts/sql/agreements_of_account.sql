-- The account's agreements in the order they were made, with the meters currently installed at
-- each service point: one row per meter channel. This order is the order the indexes deliver, so
-- the engine does not sort (the caller puts open agreements first).
SELECT sa.id AS agreement_id, sp.commodity, pr.line1, pr.line2, pr.city, pr.state, pr.zip,
       rp.code AS rate_plan_code, rp.name AS rate_plan_name, sa.start_date, sa.end_date,
       m.id AS meter_id, m.serial AS meter_serial, m.kind AS meter_kind, m.installed_on,
       mc.name AS channel_name
FROM service_agreements sa
JOIN service_points sp ON sp.id = sa.service_point_id
JOIN premises pr ON pr.id = sp.premise_id
JOIN rate_plans rp ON rp.id = sa.rate_plan_id
LEFT JOIN meters m ON m.service_point_id = sp.id AND m.removed_on IS NULL
LEFT JOIN meter_channels mc ON mc.meter_id = m.id
WHERE sa.account_id = :account_id
ORDER BY sa.id, m.id, mc.name
