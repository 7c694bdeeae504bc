-- The account's threads, latest message first, after the cursor (:before_at, :before_id).
SELECT id, account_number, customer_name, topic, subject, status, assigned_to, opened_at,
       last_message_at, first_reply_at, bill_number, payment_confirmation
FROM message_thread_rows
WHERE account_id = :account
  AND (last_message_at < :before_at OR (last_message_at = :before_at_again AND id < :before_id))
ORDER BY last_message_at DESC, id DESC
LIMIT :limit
