-- Every crew listed, by name.
SELECT name, orders_per_day, active FROM crews ORDER BY name
