SELECT start_date, end_date FROM service_agreements WHERE service_point_id = :service_point_id
ORDER BY start_date
