-- Register read :read's photo, if it has one.
SELECT id, purpose, content_type, size_bytes, sha256, taken_by, taken_at FROM photos
WHERE register_read_id = :read
