-- SQLite does not partition; this keeps the query defined for both engines.
SELECT 0 WHERE :first_day IS NOT NULL AND :last_day IS NOT NULL
