-- The cycle's first run after run :run (a later read date), if there is one.
SELECT r.id, r.read_date
FROM bill_runs r JOIN bill_runs mine ON mine.id = :run
WHERE r.cycle = mine.cycle AND r.read_date > mine.read_date
ORDER BY r.read_date LIMIT 1
