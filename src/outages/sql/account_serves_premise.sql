-- Whether account :account has (or had within the last 30 days) a service at premise :premise.
SELECT a.id FROM accounts a
JOIN service_agreements sa ON sa.account_id = a.id
JOIN service_points sp ON sp.id = sa.service_point_id
WHERE a.number = :number AND sp.premise_id = :premise
  AND (sa.end_date IS NULL OR sa.end_date >= :since)
LIMIT 1
