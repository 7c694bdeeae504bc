-- Premises whose first address line starts with :start (lower case, LIKE-escaped with '\'), in
-- :zip when one is given, with each service point (a premise may keep old points of a commodity:
-- the newest is the one in use).
SELECT p.id, p.line1, p.line2, p.city, p.state, p.zip, sp.id AS service_point_id, sp.commodity
FROM premises p JOIN service_points sp ON sp.premise_id = p.id
WHERE lower(p.line1) LIKE :start ESCAPE '\' AND (:zip = '' OR p.zip = :zip_again)
ORDER BY p.line1, p.line2, p.id, sp.commodity, sp.id
LIMIT 200
