-- Gives premise :premise a position where it has none.
UPDATE premises SET latitude_micro = :latitude, longitude_micro = :longitude
WHERE id = :premise AND latitude_micro IS NULL
