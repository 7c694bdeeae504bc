-- Every account with service at a premise in the ZIP, with the premise's lines and whether
-- the agreement there is current. Matching the street happens in C++ (address_match.h).
SELECT a.id, a.number, pr.line1, CASE WHEN sa.end_date IS NULL THEN 1 ELSE 0 END AS current_service,
       a.status, pr.line2
FROM premises pr
JOIN service_points sp ON sp.premise_id = pr.id
JOIN service_agreements sa ON sa.service_point_id = sp.id
JOIN accounts a ON a.id = sa.account_id
WHERE substr(pr.zip, 1, 5) = :zip
ORDER BY a.id
