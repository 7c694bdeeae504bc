SELECT hash FROM audit_records WHERE id = :id
