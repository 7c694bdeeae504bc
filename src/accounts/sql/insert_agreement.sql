INSERT INTO service_agreements (account_id, service_point_id, rate_plan_id, start_date, created_at)
VALUES (:account_id, :service_point_id, :rate_plan_id, :start_date, :created_at)
RETURNING id
