-- Threads waiting on the customer, oldest first, after the cursor.
SELECT id, account_number, customer_name, topic, subject, status, assigned_to, opened_at,
       last_message_at, first_reply_at, bill_number, payment_confirmation
FROM message_thread_rows
WHERE status = 'waiting'
  AND (last_message_at > :after_at OR (last_message_at = :after_at_again AND id > :after_id))
ORDER BY last_message_at, id
LIMIT :limit
