-- Closes the bill's open holds with staff's answer.
UPDATE bill_holds SET status = :status, resolved_at = :resolved_at, resolved_by = :resolved_by,
  resolution_note = :note
WHERE bill_id = :bill AND status = 'open'
