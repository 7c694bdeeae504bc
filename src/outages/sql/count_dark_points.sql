-- How many points outage :outage still leaves out, and how many it has listed.
SELECT COUNT(*) AS listed,
       COALESCE(SUM(CASE WHEN restored_at IS NULL AND moved_to IS NULL THEN 1 ELSE 0 END), 0) AS dark
FROM outage_points WHERE outage_id = :outage
