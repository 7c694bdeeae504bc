-- A photo of order :order or of register read :read (the other null); nothing when the same image
-- is already kept for the order, or the read has its photo (two uploads at once keep one).
INSERT INTO photos (account_id, order_id, register_read_id, purpose, content_type, size_bytes,
                    sha256, content_base64, taken_by, taken_at)
VALUES (:account_id, :order_id, :read_id, :purpose, :content_type, :size_bytes, :sha256,
        :content_base64, :taken_by, :taken_at)
ON CONFLICT DO NOTHING
