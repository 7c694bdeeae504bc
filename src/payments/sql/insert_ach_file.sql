INSERT INTO ach_files (created_on, file_id_modifier, effective_on, entry_count, total_cents,
                       content, created_at, created_by)
VALUES (:created_on, :modifier, :effective_on, :entries, :total, :content, :created_at,
        :created_by)
RETURNING id
