SELECT a.id, a.language, a.mail_line1, a.mail_line2, a.mail_city, a.mail_state, a.mail_zip,
       p.name, COALESCE(p.email, '') AS email
FROM accounts a JOIN persons p ON p.id = a.person_id
WHERE a.number = :number
