-- Bills of a run by status, with their charges.
SELECT status, COUNT(*), CAST(COALESCE(SUM(charges_cents), 0) AS BIGINT)
FROM bills WHERE bill_run_id = :run GROUP BY status
