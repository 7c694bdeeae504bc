UPDATE vee_exceptions
SET status = :status, resolved_at = :resolved_at, resolved_by = :resolved_by,
    resolution_note = :note
WHERE id = :id AND status = 'open'
