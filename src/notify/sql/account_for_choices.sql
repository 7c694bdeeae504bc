-- The account whose notice choices are read or changed, with where its notices go and whether
-- its latest consent to texts is granted.
SELECT a.id, a.paperless, p.email, p.phone,
       COALESCE((SELECT c.granted FROM text_consents c WHERE c.account_id = a.id
                 ORDER BY c.id DESC LIMIT 1), 0) AS texts_allowed
FROM accounts a JOIN persons p ON p.id = a.person_id
WHERE a.number = :number
