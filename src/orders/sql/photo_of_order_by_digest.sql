-- Order :order's photo with this content, if it has one.
SELECT id, purpose, content_type, size_bytes, taken_by, taken_at FROM photos
WHERE order_id = :order AND sha256 = :sha256
