-- Takes out the meter in place on the service point on :day (nothing when none is in place).
UPDATE meters SET removed_on = :day
WHERE service_point_id = :service_point AND removed_on IS NULL AND installed_on <= :day_again
