INSERT INTO service_points (premise_id, commodity, created_at)
VALUES (:premise_id, :commodity, :created_at)
RETURNING id
