-- The account a resent bill goes to: its language and contact email, and whether bill :number is
-- one of its sent bills (released, not cancelled).
SELECT a.id, a.language, COALESCE(p.email, '') AS email,
       (SELECT COUNT(*) FROM bills b
         WHERE b.account_id = a.id AND b.number = :bill_number AND b.status = 'released')
         AS sent_bills
FROM accounts a JOIN persons p ON p.id = a.person_id
WHERE a.number = :account_number
