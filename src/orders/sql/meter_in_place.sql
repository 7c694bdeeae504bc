SELECT serial FROM meters WHERE service_point_id = :service_point AND removed_on IS NULL
