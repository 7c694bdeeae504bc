INSERT INTO bill_runs (cycle, read_date, bill_date, status, started_at, started_by)
VALUES (:cycle, :read_date, :bill_date, 'running', :started_at, :started_by)
RETURNING id
