-- A premise's address and service points (newest last per commodity), with the meter in place on
-- each (its kind; NULL when none).
SELECT p.line1, p.line2, p.city, p.state, p.zip, sp.id AS service_point_id, sp.commodity,
       (SELECT m.kind FROM meters m WHERE m.service_point_id = sp.id AND m.removed_on IS NULL
        ORDER BY m.id DESC LIMIT 1) AS meter_kind
FROM premises p JOIN service_points sp ON sp.premise_id = p.id
WHERE p.id = :premise
ORDER BY sp.commodity, sp.id
