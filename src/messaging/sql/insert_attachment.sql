INSERT INTO message_attachments (account_id, file_name, content_type, size_bytes, sha256,
                                 content_base64, uploaded_by, uploaded_at)
VALUES (:account, :file_name, :content_type, :size_bytes, :sha256, :content, :uploaded_by,
        :uploaded_at)
