INSERT INTO service_order_services (order_id, service_point_id, rate_plan_id)
VALUES (:order, :service_point, :rate_plan)
