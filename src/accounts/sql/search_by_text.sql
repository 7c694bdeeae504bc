-- Name or service address containing the words typed, case-insensitively.
SELECT a.id, a.number, p.name, a.status,
       pr.line1, pr.line2, pr.city, pr.state, pr.zip,
       (SELECT CAST(COALESCE(SUM(le.amount_cents), 0) AS BIGINT)
          FROM ledger_entries le WHERE le.account_id = a.id)
FROM accounts a
JOIN persons p ON p.id = a.person_id
LEFT JOIN premises pr ON pr.id = (
  SELECT sp.premise_id FROM service_agreements sa
  JOIN service_points sp ON sp.id = sa.service_point_id
  WHERE sa.account_id = a.id ORDER BY sa.id LIMIT 1)
WHERE a.id > :after
  AND (lower(p.name) LIKE :name_pattern ESCAPE '\' OR EXISTS (
    SELECT 1 FROM service_agreements sa2
    JOIN service_points sp2 ON sp2.id = sa2.service_point_id
    JOIN premises pr2 ON pr2.id = sp2.premise_id
    WHERE sa2.account_id = a.id AND lower(pr2.line1) LIKE :address_pattern ESCAPE '\'))
ORDER BY a.id
LIMIT :limit
