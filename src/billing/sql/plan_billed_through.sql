-- The first day not yet billed on a rate plan: the latest end of the sections of its sent bills
-- (exclusive, as stored). NULL when none was sent.
SELECT MAX(s.period_end) AS billed_until
FROM bill_sections s JOIN bills b ON b.id = s.bill_id
WHERE s.rate_plan_code = :code AND s.active = 1 AND b.status = 'released'
