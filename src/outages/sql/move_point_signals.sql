-- The signals of point :point placed in outage :outage go with it to outage :to.
UPDATE outage_signals SET outage_id = :to WHERE outage_id = :outage AND service_point_id = :point
