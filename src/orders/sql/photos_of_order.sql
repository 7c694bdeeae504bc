-- Order :order's photos, oldest first (without their content).
SELECT id, purpose, content_type, size_bytes, taken_by, taken_at FROM photos
WHERE order_id = :order ORDER BY id
