-- The notices decided for an account, newest first, before notice :before, with how their
-- delivery went.
SELECT n.id, n.kind, n.channel, n.recipient, n.subject, n.created_at, o.sent_at, o.attempts,
       o.last_error
FROM notices n
LEFT JOIN email_outbox o ON o.id = n.email_id
WHERE n.account_id = :account_id AND n.id < :before
ORDER BY n.id DESC
LIMIT :limit
