-- The service point's agreements still in service on or after :start_date (none: it is free to
-- start from then), with their account's number.
SELECT sa.id, a.number AS account_number, sa.account_id
FROM service_agreements sa JOIN accounts a ON a.id = sa.account_id
WHERE sa.service_point_id = :service_point AND (sa.end_date IS NULL OR sa.end_date >= :start_date)
ORDER BY sa.id
