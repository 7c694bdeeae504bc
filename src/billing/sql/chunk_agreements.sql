-- The next chunk of a run: the agreements in service during the period of up to :limit accounts
-- of the cycle after account :after that have no bill in the run yet. Placeholders bind by
-- position, so the repeated dates are passed twice.
SELECT a.id AS account_id, a.number AS account_number, sa.id AS agreement_id, sp.commodity,
       sp.premise_id, rp.id AS rate_plan_id, rp.code AS rate_plan_code, sa.start_date, sa.end_date,
       sa.service_point_id
FROM accounts a
JOIN service_agreements sa ON sa.account_id = a.id
JOIN service_points sp ON sp.id = sa.service_point_id
JOIN rate_plans rp ON rp.id = sa.rate_plan_id
WHERE a.id IN (
    SELECT c.id FROM accounts c
    WHERE c.bill_cycle = :cycle AND c.id > :after
      AND EXISTS (SELECT 1 FROM service_agreements s WHERE s.account_id = c.id
                  AND s.start_date < :read_date AND (s.end_date IS NULL OR s.end_date >= :since))
      AND NOT EXISTS (SELECT 1 FROM bills b WHERE b.bill_run_id = :run AND b.account_id = c.id
                      AND b.status <> 'cancelled')
    ORDER BY c.id LIMIT :limit)
  AND sa.start_date < :read_date_again AND (sa.end_date IS NULL OR sa.end_date >= :since_again)
ORDER BY a.id, sa.id
