-- Billed charges of released bills dated in [:from, :to], by month of the bill date and rate plan.
SELECT SUBSTR(b.bill_date, 1, 7) AS month, s.rate_plan_code,
       COALESCE(MAX(rp.name), s.rate_plan_code) AS plan_name, COUNT(*) AS sections,
       CAST(SUM(s.charges_cents) AS BIGINT) AS charges_cents
FROM bills b
JOIN bill_sections s ON s.bill_id = b.id
LEFT JOIN rate_plans rp ON rp.code = s.rate_plan_code
WHERE b.status = 'released' AND b.bill_date >= :from AND b.bill_date <= :to
GROUP BY SUBSTR(b.bill_date, 1, 7), s.rate_plan_code
ORDER BY 1, 2
