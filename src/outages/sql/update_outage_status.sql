-- Moves outage :id from :from_status (refused, 0 rows, if someone moved it meanwhile).
UPDATE outages SET status = :status, crew = :crew, cause = :cause, public_note = :public_note,
                   merged_into = :merged_into, updated_at = :at
WHERE id = :id AND status = :from_status
