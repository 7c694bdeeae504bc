-- The accounts whose latest consent names :number, with whether it is granted.
SELECT c.account_id, c.granted
FROM text_consents c
WHERE c.number = :number
  AND c.id = (SELECT MAX(l.id) FROM text_consents l WHERE l.account_id = c.account_id)
