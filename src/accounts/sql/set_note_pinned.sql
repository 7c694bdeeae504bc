UPDATE account_notes SET pinned = :pinned WHERE id = :note_id
