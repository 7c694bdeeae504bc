SELECT id, kind, body, pinned, written_by, written_at
FROM account_notes
WHERE id = :note_id AND account_id = :account_id
