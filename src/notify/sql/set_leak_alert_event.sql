UPDATE leak_alerts SET event_id = :event
WHERE service_point_id = :service_point AND kind = :kind AND found_on = :found_on
