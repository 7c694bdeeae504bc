-- A bill's sections, one per service agreement billed.
SELECT id, service_agreement_id, commodity, rate_plan_code, period_start, period_end,
       meter_serial, unit, usage_milli, peak_demand_milli, start_read_milli, end_read_milli,
       estimated, final, charges_cents
FROM bill_sections WHERE bill_id = :bill ORDER BY id
