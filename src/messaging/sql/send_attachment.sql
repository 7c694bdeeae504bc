UPDATE message_attachments SET message_id = :message WHERE id = :id AND message_id IS NULL
