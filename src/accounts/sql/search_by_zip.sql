-- Mailing ZIP or the ZIP of any of the account's service addresses.
SELECT id, number, customer_name, status, line1, line2, city, state, zip, balance_cents
FROM account_overview o
WHERE id > :after
  AND (mail_zip = :mail_zip OR EXISTS (
    SELECT 1 FROM service_agreements sa
    JOIN service_points sp ON sp.id = sa.service_point_id
    JOIN premises pr ON pr.id = sp.premise_id
    WHERE sa.account_id = o.id AND pr.zip = :premise_zip))
ORDER BY id
LIMIT :limit
