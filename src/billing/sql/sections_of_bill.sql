-- A bill's sections, one per service agreement billed, with the rate plan's name.
SELECT s.id, s.service_agreement_id, s.commodity, s.rate_plan_code, s.period_start, s.period_end,
       s.meter_serial, s.unit, s.usage_milli, s.peak_demand_milli, s.start_read_milli,
       s.end_read_milli, s.estimated, s.final, s.charges_cents, s.meter_legs,
       COALESCE(p.name, s.rate_plan_code) AS rate_plan_name
FROM bill_sections s LEFT JOIN rate_plans p ON p.code = s.rate_plan_code
WHERE s.bill_id = :bill ORDER BY s.id
