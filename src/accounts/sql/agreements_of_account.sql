-- Open agreements first, then ended ones, each in the order they were made.
SELECT sa.id, sp.id, sp.commodity, pr.line1, pr.line2, pr.city, pr.state, pr.zip,
       rp.code, rp.name, sa.start_date, sa.end_date
FROM service_agreements sa
JOIN service_points sp ON sp.id = sa.service_point_id
JOIN premises pr ON pr.id = sp.premise_id
JOIN rate_plans rp ON rp.id = sa.rate_plan_id
WHERE sa.account_id = :account_id
ORDER BY CASE WHEN sa.end_date IS NULL THEN 0 ELSE 1 END, sa.id
