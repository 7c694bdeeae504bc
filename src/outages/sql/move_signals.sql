-- The signals of outage :from now belong to :to.
UPDATE outage_signals SET outage_id = :to WHERE outage_id = :from
