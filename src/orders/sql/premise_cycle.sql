-- The bill cycle of the account last served at the premise (the meter reader's route passes it).
SELECT a.bill_cycle FROM service_agreements sa
JOIN service_points sp ON sp.id = sa.service_point_id
JOIN accounts a ON a.id = sa.account_id
WHERE sp.premise_id = :premise
ORDER BY sa.start_date DESC, sa.id DESC
LIMIT 1
