-- Closed threads, latest first, after the cursor.
SELECT t.id, a.number AS account_number, p.name AS customer_name, t.topic, t.subject, t.status,
       t.assigned_to, t.opened_at, t.last_message_at, t.first_reply_at, b.number AS bill_number,
       y.confirmation AS payment_confirmation
FROM message_threads t
JOIN accounts a ON a.id = t.account_id
JOIN persons p ON p.id = a.person_id
LEFT JOIN bills b ON b.id = t.bill_id
LEFT JOIN payments y ON y.id = t.payment_id
WHERE t.status = 'closed'
  AND (t.last_message_at < :before_at OR (t.last_message_at = :before_at_again AND t.id < :before_id))
ORDER BY t.last_message_at DESC, t.id DESC
LIMIT :limit
