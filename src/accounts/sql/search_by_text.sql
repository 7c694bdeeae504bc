-- Name or any service address containing the words typed, case-insensitively.
SELECT id, number, customer_name, status, line1, line2, city, state, zip, balance_cents
FROM account_overview o
WHERE id > :after
  AND (lower(customer_name) LIKE :name_pattern ESCAPE '\' OR EXISTS (
    SELECT 1 FROM service_agreements sa
    JOIN service_points sp ON sp.id = sa.service_point_id
    JOIN premises pr ON pr.id = sp.premise_id
    WHERE sa.account_id = o.id AND lower(pr.line1) LIKE :address_pattern ESCAPE '\'))
ORDER BY id
LIMIT :limit
