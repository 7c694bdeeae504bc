-- Service points restored since :since.
SELECT COUNT(DISTINCT service_point_id) AS restored FROM outage_points WHERE restored_at >= :since
