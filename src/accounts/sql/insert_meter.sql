INSERT INTO meters (serial, service_point_id, kind, installed_on, created_at)
VALUES (:serial, :service_point_id, :kind, :installed_on, :created_at)
RETURNING id
