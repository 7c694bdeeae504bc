-- One thread with its account, customer and links.
SELECT id, account_number, customer_name, topic, subject, status, assigned_to, opened_at,
       last_message_at, first_reply_at, bill_number, payment_confirmation
FROM message_thread_rows
WHERE id = :id
