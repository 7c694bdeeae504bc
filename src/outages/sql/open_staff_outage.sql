-- A staff-opened outage :id: confirmed, planned or not, with its cause, public note and (planned)
-- announced end.
UPDATE outages SET status = 'confirmed', planned = :planned, planned_end = :planned_end,
       cause = :cause, public_note = :public_note, updated_at = :at
WHERE id = :id
