INSERT INTO lockbox_imports (file_hash, sender, file_id, created_on, item_count, posted_count,
                             suspense_count, total_cents, imported_at, imported_by)
VALUES (:hash, :sender, :file_id, :created_on, 0, 0, 0, 0, :at, :by)
RETURNING id
