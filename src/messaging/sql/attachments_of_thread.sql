SELECT x.id, x.message_id, x.file_name, x.content_type, x.size_bytes
FROM message_attachments x JOIN messages m ON m.id = x.message_id
WHERE m.thread_id = :thread ORDER BY x.id
