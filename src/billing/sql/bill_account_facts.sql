-- What a bill document prints about the account: the customer, the mailing address, the language,
-- and the service address (the premise of the account's first agreement).
SELECT a.id, p.name, a.mail_line1, a.mail_line2, a.mail_city, a.mail_state, a.mail_zip,
       a.language, pr.line1, pr.line2, pr.city, pr.state, pr.zip
FROM accounts a
JOIN persons p ON p.id = a.person_id
LEFT JOIN premises pr ON pr.id = (
  SELECT sp.premise_id FROM service_agreements sa
  JOIN service_points sp ON sp.id = sa.service_point_id
  WHERE sa.account_id = a.id ORDER BY sa.id LIMIT 1)
WHERE a.number = :account
