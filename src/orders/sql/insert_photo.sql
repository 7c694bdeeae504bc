-- A photo of order :order or of register read :read (the other null).
INSERT INTO photos (account_id, order_id, register_read_id, purpose, content_type, size_bytes,
                    sha256, content_base64, taken_by, taken_at)
VALUES (:account_id, :order_id, :read_id, :purpose, :content_type, :size_bytes, :sha256,
        :content_base64, :taken_by, :taken_at)
