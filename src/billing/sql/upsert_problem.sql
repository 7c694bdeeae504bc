INSERT INTO bill_run_problems (bill_run_id, account_id, service_agreement_id, problem, noted_at)
VALUES (:run, :account, :agreement, :problem, :noted_at)
ON CONFLICT (bill_run_id, account_id) DO UPDATE
SET service_agreement_id = excluded.service_agreement_id, problem = excluded.problem,
    noted_at = excluded.noted_at
