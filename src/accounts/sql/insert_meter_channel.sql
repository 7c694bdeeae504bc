INSERT INTO meter_channels (meter_id, name, unit, interval_minutes)
VALUES (:meter_id, :name, :unit, :interval_minutes)
