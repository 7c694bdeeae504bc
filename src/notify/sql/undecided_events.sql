-- Account events after the cursor not decided yet, oldest first (at most :limit), with what the
-- notices need of each event's account.
SELECT e.id, e.account_id, e.kind, e.details, a.number, a.language, a.paperless,
       p.email, p.phone,
       (SELECT c.number FROM text_consents c WHERE c.account_id = a.id
        ORDER BY c.id DESC LIMIT 1) AS text_number,
       (SELECT c.granted FROM text_consents c WHERE c.account_id = a.id
        ORDER BY c.id DESC LIMIT 1) AS text_granted
FROM account_events e
JOIN accounts a ON a.id = e.account_id
JOIN persons p ON p.id = a.person_id
WHERE e.id > :after
  AND NOT EXISTS (SELECT 1 FROM notice_decisions d WHERE d.event_id = e.id)
ORDER BY e.id
LIMIT :limit
