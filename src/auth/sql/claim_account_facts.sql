-- What proving and announcing a claim needs of an account: its holder's name, contact email and
-- phone, its language, its service address (account_overview: the first agreement's premise) and
-- its mailing address (where its bills go).
SELECT o.id, o.number, o.customer_name, COALESCE(p.email, '') AS contact_email,
       COALESCE(p.phone, '') AS contact_phone, a.language,
       COALESCE(o.line1, '') AS line1, COALESCE(o.line2, '') AS line2,
       COALESCE(o.city, '') AS city, COALESCE(o.state, '') AS state, COALESCE(o.zip, '') AS zip,
       a.mail_line1, COALESCE(a.mail_line2, '') AS mail_line2, a.mail_city, a.mail_state,
       a.mail_zip
FROM account_overview o
JOIN accounts a ON a.id = o.id
JOIN persons p ON p.id = a.person_id
WHERE o.id = :account_id
