SELECT MAX(id) AS id FROM message_attachments WHERE account_id = :account AND uploaded_by = :actor
