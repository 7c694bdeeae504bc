-- The service points of commodity :commodity (in ZIP code :zip unless it is ''), with their
-- premises' first address line and position.
SELECT sp.id, p.line1, p.latitude_micro, p.longitude_micro
FROM service_points sp JOIN premises p ON p.id = sp.premise_id
WHERE sp.commodity = :commodity AND (:zip = '' OR p.zip = :zip_again)
ORDER BY sp.id
