-- The actual usage of each section of the cycle's previous run: the neighbours the checks compare
-- a draft's usage with (same rate plan, same cycle).
SELECT s.rate_plan_code, s.usage_milli, s.period_start, s.period_end
FROM bill_sections s JOIN bills b ON b.id = s.bill_id
WHERE b.bill_run_id = (SELECT r.id FROM bill_runs r WHERE r.cycle = :cycle
                       AND r.read_date < :read_date ORDER BY r.read_date DESC LIMIT 1)
  AND s.active = 1 AND s.estimated = 0
