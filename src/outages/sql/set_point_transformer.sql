-- Puts electric service point :point on transformer :transformer.
UPDATE service_points SET transformer_id = :transformer WHERE id = :point AND transformer_id IS NULL
