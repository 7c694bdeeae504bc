-- The crew named :name, if listed.
SELECT name, orders_per_day, active FROM crews WHERE name = :name
