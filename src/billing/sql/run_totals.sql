-- Bills of a run by status, with their charges.
SELECT status, COUNT(*) AS bill_count,
       CAST(COALESCE(SUM(charges_cents), 0) AS BIGINT) AS charges_cents
FROM bills WHERE bill_run_id = :run GROUP BY status
