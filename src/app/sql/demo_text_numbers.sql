-- One household account in five with a mobile number on file: those the demo has agreed to texts.
SELECT a.id, a.language, p.phone
FROM accounts a JOIN persons p ON p.id = a.person_id
WHERE a.id % 5 = 0 AND p.phone IS NOT NULL AND a.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM text_consents c WHERE c.account_id = a.id)
ORDER BY a.id
