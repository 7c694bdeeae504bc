-- Outage :id's estimated restoration, and who set it.
UPDATE outages SET etr = :etr, etr_by = :etr_by, updated_at = :at WHERE id = :id
