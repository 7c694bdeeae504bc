SELECT id, account_id, file_name, content_type, size_bytes, content_base64
FROM message_attachments WHERE id = :id
