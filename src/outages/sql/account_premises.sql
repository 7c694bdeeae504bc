-- The premises where account :number has electric service now (or had it until :since).
SELECT DISTINCT p.id, p.line1, p.line2, p.city, p.state, p.zip
FROM accounts a
JOIN service_agreements sa ON sa.account_id = a.id
JOIN service_points sp ON sp.id = sa.service_point_id
JOIN premises p ON p.id = sp.premise_id
WHERE a.number = :number AND sp.commodity = 'electric'
  AND (sa.end_date IS NULL OR sa.end_date >= :since)
ORDER BY p.id
