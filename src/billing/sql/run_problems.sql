-- The accounts a run could not bill and why, by account number, after :after (cursor).
SELECT a.number, p.service_agreement_id, p.problem, p.noted_at
FROM bill_run_problems p JOIN accounts a ON a.id = p.account_id
WHERE p.bill_run_id = :run AND a.number > :after
ORDER BY a.number LIMIT :limit
