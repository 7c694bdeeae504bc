-- Records the answer to a pending adjustment (by the second person, or at once under the limit).
UPDATE adjustments SET status = :status, decided_by = :decided_by, decided_at = :decided_at,
  decision_note = :note, ledger_entry_id = :entry
WHERE id = :id AND status = 'pending'
