-- The open exceptions order :order read again: resolved by the field's reading.
UPDATE vee_exceptions SET status = 'edited', resolved_at = :at, resolved_by = :actor,
  resolution_note = :note
WHERE reread_order_id = :order AND status = 'open'
