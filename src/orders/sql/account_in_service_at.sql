-- The account in service at service point :point now (its agreement not ended).
SELECT a.id, a.number FROM service_agreements s JOIN accounts a ON a.id = s.account_id
WHERE s.service_point_id = :point AND s.end_date IS NULL
ORDER BY s.start_date DESC, s.id DESC
LIMIT 1
