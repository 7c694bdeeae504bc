-- Posted bank payments not yet in an ACH file, oldest first, with the customer's name.
SELECT p.id, p.token, p.amount_cents, p.channel, a.number, pe.name
FROM payments p
JOIN accounts a ON a.id = p.account_id
JOIN persons pe ON pe.id = a.person_id
WHERE p.method = 'bank' AND p.ach_file_id IS NULL AND p.status = 'posted'
ORDER BY p.id
