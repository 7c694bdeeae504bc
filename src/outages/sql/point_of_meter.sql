-- The service point of the meter in place with serial :serial.
SELECT service_point_id FROM meters
WHERE serial = :serial AND removed_on IS NULL AND service_point_id IS NOT NULL
