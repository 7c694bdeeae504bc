-- Each ZIP code with electric service, its homes and the box they lie in (micro-degrees).
SELECT p.zip, MIN(p.city) AS city, MIN(p.state) AS state, COUNT(*) AS homes,
       MIN(p.latitude_micro) AS south, MIN(p.longitude_micro) AS west,
       MAX(p.latitude_micro) AS north, MAX(p.longitude_micro) AS east
FROM service_points sp
JOIN premises p ON p.id = sp.premise_id
WHERE sp.commodity = 'electric' AND p.latitude_micro IS NOT NULL AND p.longitude_micro IS NOT NULL
GROUP BY p.zip
ORDER BY p.zip
