-- An attachment uploaded for the account and not sent with a message yet.
SELECT id FROM message_attachments WHERE id = :id AND account_id = :account AND message_id IS NULL
