-- The account whose notice choices are read or changed, with where its notices go.
SELECT a.id, a.paperless, p.email, p.phone
FROM accounts a JOIN persons p ON p.id = a.person_id
WHERE a.number = :number
