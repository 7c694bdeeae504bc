-- The active sections since :since of the agreements of the cycle's accounts in [:first, :last],
-- newest first per agreement: where each period starts, and the history checks compare against.
-- Only sections starting before the run's read date count, so a held bill of an earlier run that
-- is recalculated after later bills were made is drafted for its own period again.
SELECT s.service_agreement_id, s.period_start, s.period_end, s.usage_milli, s.charges_cents,
       s.estimated, s.end_read_milli, s.peak_demand_milli, b.status
FROM accounts a
JOIN service_agreements sa ON sa.account_id = a.id
JOIN bill_sections s ON s.service_agreement_id = sa.id AND s.active = 1
JOIN bills b ON b.id = s.bill_id
WHERE a.bill_cycle = :cycle AND a.id BETWEEN :first AND :last AND s.period_end >= :since
  AND s.period_start < :read_date
ORDER BY s.service_agreement_id, s.period_start DESC
