-- The service point of the account's open service of :commodity (the newest agreement's).
SELECT sa.service_point_id FROM service_agreements sa
JOIN service_points sp ON sp.id = sa.service_point_id
WHERE sa.account_id = :account AND sa.end_date IS NULL AND sp.commodity = :commodity
ORDER BY sa.id DESC
LIMIT 1
