-- What accounts with ids in [:first_id, :last_id] are found by: one row for the holder and the
-- mailing address, one for each service address.
SELECT a.id AS account_id, p.name AS name, a.mail_line1 AS line1, a.mail_line2 AS line2,
       a.mail_city AS city, a.mail_zip AS zip,
       COALESCE(p.phone, '') AS phone, COALESCE(p.email, '') AS email
FROM accounts a
JOIN persons p ON p.id = a.person_id
WHERE a.id BETWEEN :first_id AND :last_id
UNION ALL
SELECT sa.account_id, '', pr.line1, pr.line2, pr.city, pr.zip, '', ''
FROM service_agreements sa
JOIN service_points sp ON sp.id = sa.service_point_id
JOIN premises pr ON pr.id = sp.premise_id
WHERE sa.account_id BETWEEN :first_agreement_account AND :last_agreement_account
